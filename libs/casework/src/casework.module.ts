import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { IncidentsModule } from '@app/incidents';
import { CaseworkService } from './casework.service';
import { ChronologyService } from './chronology.service';
import { DeadlineScanner } from './deadlines/deadline-scanner';
import { DeadlineNotice } from './entities/deadline-notice.entity';
import { IncidentAction } from './entities/incident-action.entity';
import { IncidentNote } from './entities/incident-note.entity';
import { NotesService } from './notes.service';
import { QueueService } from './queue.service';

const services = [CaseworkService, ChronologyService, DeadlineScanner, NotesService, QueueService];

/** The counselor's work on a case: queue, triage, workflow, notes, interventions, chronology. */
@Module({
  imports: [
    TypeOrmModule.forFeature([IncidentNote, IncidentAction, DeadlineNotice]),
    IdentityModule,
    IncidentsModule,
    AuditModule,
  ],
  providers: services,
  exports: services,
})
export class CaseworkModule {}
