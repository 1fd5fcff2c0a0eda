import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, type Principal } from '@app/identity';
import { CaseRecorder, IncidentAccessService } from '@app/incidents';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentAction, type ActionType } from '../entities/incident-action.entity';
import { IncidentNote, type NoteVisibility } from '../entities/incident-note.entity';

export interface NoteInput {
  body: string;
  visibility: NoteVisibility;
}

export interface ActionInput {
  type: ActionType;
  description: string;
  takenAt: Date;
}

/**
 * Notes and interventions. They add to a case without changing its state, so
 * they need no version: two caseworkers writing at once both keep their notes.
 */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
  ) {}

  addNote(principal: Principal, incidentId: string, input: NoteInput) {
    return this.onCase(principal, incidentId, async (manager, incident) => {
      const note = await manager.getRepository(IncidentNote).save(
        manager.getRepository(IncidentNote).create({
          incidentId,
          schoolId: incident.schoolId,
          authorId: principal.id,
          visibility: input.visibility,
          body: input.body,
        }),
      );
      const shared = input.visibility === 'shared';
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: shared ? 'shared_note' : 'internal_note',
          visibility: input.visibility,
          data: { noteId: note.id, body: note.body },
        },
        audit: { action: 'note.added', details: { noteId: note.id, visibility: input.visibility } },
        ...(shared
          ? {
              notice: {
                type: 'shared_note' as const,
                to: [{ kind: 'family' as const }],
                payload: { noteId: note.id },
              },
            }
          : {}),
      });
      return {
        id: note.id,
        visibility: note.visibility,
        body: note.body,
        author: { id: principal.id, displayName: principal.displayName },
        createdAt: note.createdAt,
      };
    });
  }

  recordAction(principal: Principal, incidentId: string, input: ActionInput) {
    return this.onCase(principal, incidentId, async (manager, incident) => {
      const action = await manager.getRepository(IncidentAction).save(
        manager.getRepository(IncidentAction).create({
          incidentId,
          schoolId: incident.schoolId,
          type: input.type,
          description: input.description,
          takenAt: input.takenAt,
          recordedById: principal.id,
        }),
      );
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'action_recorded',
          visibility: 'internal',
          data: {
            actionId: action.id,
            type: action.type,
            description: action.description,
            takenAt: action.takenAt,
          },
        },
        audit: { action: 'action.recorded', details: { actionId: action.id, type: action.type } },
      });
      return {
        id: action.id,
        type: action.type,
        description: action.description,
        takenAt: input.takenAt,
        recordedBy: { id: principal.id, displayName: principal.displayName },
        createdAt: action.createdAt,
      };
    });
  }

  private onCase<T>(
    principal: Principal,
    incidentId: string,
    work: (manager: EntityManager, incident: { id: string; schoolId: string }) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const { incident } = await this.access.require({
        principal,
        permission: Permission.IncidentDecide,
        incidentId,
        manager,
      });
      return work(manager, incident);
    });
  }
}
