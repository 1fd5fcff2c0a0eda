import { DeadlineNotice } from './entities/deadline-notice.entity';
import { IncidentAction } from './entities/incident-action.entity';
import { IncidentNote } from './entities/incident-note.entity';

export * from './casework.module';
export * from './decisions/assign.service';
export * from './decisions/case-changes';
export * from './decisions/notes.service';
export * from './decisions/resolve.service';
export * from './decisions/transition.service';
export * from './decisions/triage.service';
export * from './chronology.service';
export * from './deadlines/deadline-scanner';
export * from './entities/deadline-notice.entity';
export * from './entities/incident-action.entity';
export * from './entities/incident-note.entity';
export * from './queue.service';
export * from './workflow/workflow';

export const caseworkEntities = [IncidentNote, IncidentAction, DeadlineNotice];
