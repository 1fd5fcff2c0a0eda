import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './time/clock';

/** Small pieces every module may inject. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class CommonModule {}
