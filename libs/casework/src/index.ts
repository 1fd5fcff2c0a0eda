import { DeadlineNotice } from './entities/deadline-notice.entity';
import { IncidentAction } from './entities/incident-action.entity';
import { IncidentNote } from './entities/incident-note.entity';

export * from './casework.module';
export * from './casework.service';
export * from './chronology.service';
export * from './deadlines/deadline-scanner';
export * from './entities/deadline-notice.entity';
export * from './entities/incident-action.entity';
export * from './entities/incident-note.entity';
export * from './notes.service';
export * from './queue.service';
export * from './workflow/workflow';

export const caseworkEntities = [IncidentNote, IncidentAction, DeadlineNotice];
