import { Module } from '@nestjs/common';
import { CaseworkModule } from '@app/casework';
import { NotificationsModule } from '@app/notifications';
import { AlertsController } from './alerts.controller';
import { EventsController } from './events.controller';
import { LiveHub } from './live-hub.service';

/** The live stream (server-sent events fed by PostgreSQL LISTEN/NOTIFY) and the critical alerts. */
@Module({
  imports: [CaseworkModule, NotificationsModule],
  controllers: [EventsController, AlertsController],
  providers: [LiveHub],
  exports: [LiveHub],
})
export class LiveHttpModule {}
