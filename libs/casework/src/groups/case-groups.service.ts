import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError, RuleViolationError } from '@app/common';
import { Permission, type Principal } from '@app/identity';
import {
  CaseGroup,
  CaseRecorder,
  Incident,
  IncidentAccessService,
  OPEN_STATUSES,
  type Location,
  type ReporterKind,
  type Status,
} from '@app/incidents';
import { DataSource, EntityManager, In } from 'typeorm';

/** One report of a group, as staff see it on the case page. */
export interface RelatedMember {
  id: string;
  reference: string;
  status: Status;
  reporterKind: ReporterKind;
  location: Location;
  occurredAt: Date;
  createdAt: Date;
  primary: boolean;
}

/** The group a case belongs to (no group: null ids and no members). */
export interface RelatedView {
  groupId: string | null;
  primaryIncidentId: string | null;
  members: RelatedMember[];
}

export interface LinkInput {
  incidentIds: string[];
  reason?: string;
}

export interface UnlinkInput {
  incidentId: string;
  reason?: string;
  /** Required when the primary leaves a group that keeps two or more members. */
  newPrimaryId?: string;
}

type Case = Pick<
  Incident,
  'id' | 'schoolId' | 'reference' | 'status' | 'caseGroupId' | 'reporterKind'
> &
  Pick<Incident, 'location' | 'occurredAt' | 'createdAt'>;

const isOpen = (status: Status) => OPEN_STATUSES.includes(status);

/**
 * Related reports of one school joined into one investigation. Linking,
 * unlinking and naming a new primary each lock the cases involved (in id
 * order), write a timeline event and an audit entry on every case they
 * affect, and commit as one transaction. Only staff ever see a group.
 */
@Injectable()
export class CaseGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
  ) {}

  /** The group of the case, primary first, then by filing time. */
  async related(principal: Principal, incidentId: string): Promise<RelatedView> {
    const { incident } = await this.reach(principal, incidentId, this.dataSource.manager);
    return this.viewOf(this.dataSource.manager, incident.caseGroupId);
  }

  /**
   * Links `incidentIds` into the group of `incidentId`, creating it with
   * `incidentId` as primary. A listed case that is in another group brings
   * that whole group along (the groups merge; the other primary becomes an
   * ordinary member). Every case involved must be open.
   */
  link(principal: Principal, incidentId: string, input: LinkInput): Promise<RelatedView> {
    return this.dataSource.transaction(async (manager) => {
      const others = [...new Set(input.incidentIds)];
      if (others.includes(incidentId)) {
        throw new RuleViolationError('incidentIds: a report cannot be linked to itself');
      }
      await this.reachAll(principal, [incidentId, ...others], manager);
      await this.lockInvolved(manager, [incidentId, ...others]);
      const cases = await this.lock(manager, [incidentId, ...others]);
      const anchor = cases.get(incidentId)!;
      for (const other of others.map((id) => cases.get(id)!)) {
        if (other.schoolId !== anchor.schoolId) {
          throw new RuleViolationError(
            'incidentIds: only reports of the same school can be linked',
          );
        }
      }
      // Whole groups move together: the members of every other group named.
      const mergedGroups = [
        ...new Set(
          others
            .map((id) => cases.get(id)!.caseGroupId)
            .filter((group): group is string => !!group && group !== anchor.caseGroupId),
        ),
      ];
      const moving = new Map<string, Case>(
        others
          .map((id) => cases.get(id)!)
          .filter((other) => !other.caseGroupId || other.caseGroupId !== anchor.caseGroupId)
          .map((other) => [other.id, other]),
      );
      if (mergedGroups.length) {
        const members = await this.lockWhere(manager, { caseGroupId: In(mergedGroups) });
        for (const member of members) moving.set(member.id, member);
      }
      if (moving.size === 0) return this.viewOf(manager, anchor.caseGroupId);
      let group = anchor.caseGroupId
        ? await manager.getRepository(CaseGroup).findOneByOrFail({ id: anchor.caseGroupId })
        : null;
      const currentPrimary =
        group && group.primaryIncidentId !== anchor.id
          ? (await this.lock(manager, [group.primaryIncidentId])).get(group.primaryIncidentId)!
          : anchor;
      // The primary carries the outcome: reports joining a settled investigation would never get one.
      for (const other of [currentPrimary, anchor, ...moving.values()]) {
        if (!isOpen(other.status)) {
          throw new RuleViolationError(
            `${other.reference} is ${other.status}: only open reports can be linked`,
          );
        }
      }
      const reason = input.reason?.trim() || undefined;
      if (!group) {
        group = await manager.getRepository(CaseGroup).save({
          schoolId: anchor.schoolId,
          primaryIncidentId: anchor.id,
          createdById: principal.id,
        });
        await this.setGroup(manager, [anchor.id], group.id);
      }
      await this.setGroup(manager, [...moving.keys()], group.id);
      if (mergedGroups.length) {
        await manager.getRepository(CaseGroup).delete({ id: In(mergedGroups) });
      }
      const primary = currentPrimary;
      const joined = [...moving.values()];
      const about = {
        groupId: group.id,
        primaryIncidentId: primary.id,
        primaryReference: primary.reference,
        ...(reason ? { reason } : {}),
      };
      for (const member of joined) {
        await this.recorder.record(manager, {
          incident: member,
          actorId: principal.id,
          event: { type: 'case_linked', visibility: 'internal', data: about },
          audit: {
            action: 'incident.linked',
            details: {
              ...about,
              ...(member.caseGroupId ? { mergedFromGroupId: member.caseGroupId } : {}),
            },
          },
        });
      }
      const joinedRefs = joined.map((member) => member.reference);
      await this.recorder.record(manager, {
        incident: primary,
        actorId: principal.id,
        event: {
          type: 'case_linked',
          visibility: 'internal',
          data: { ...about, joined: joinedRefs },
        },
        audit: {
          action: 'incident.linked',
          details: { ...about, joined: joined.map((member) => member.id) },
        },
      });
      return this.viewOf(manager, group.id);
    });
  }

  /**
   * Takes `input.incidentId` out of the group of `incidentId`. The primary
   * may leave only by naming a new primary, unless one member would be left:
   * a group of one is no group, so it is dissolved.
   */
  unlink(principal: Principal, incidentId: string, input: UnlinkInput): Promise<RelatedView> {
    return this.dataSource.transaction(async (manager) => {
      await this.reachAll(principal, [incidentId, input.incidentId], manager);
      await this.lockInvolved(manager, [incidentId, input.incidentId]);
      const { caseGroupId } = (await this.lock(manager, [incidentId])).get(incidentId)!;
      const group = caseGroupId
        ? await manager
            .getRepository(CaseGroup)
            .findOne({ where: { id: caseGroupId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!group) throw new RuleViolationError('The report is not linked to any other');
      const members = await this.lockWhere(manager, { caseGroupId: group.id });
      const leaving = members.find((member) => member.id === input.incidentId);
      if (!leaving) {
        throw new RuleViolationError('incidentId: the report is not in this group');
      }
      const staying = members.filter((member) => member.id !== leaving.id);
      const reason = input.reason?.trim() || undefined;
      let primaryId = group.primaryIncidentId;
      if (staying.length < 2) {
        await this.setGroup(
          manager,
          members.map((member) => member.id),
          null,
        );
        await manager.getRepository(CaseGroup).delete({ id: group.id });
      } else {
        if (leaving.id === group.primaryIncidentId) {
          const next = staying.find(
            (member) => member.id === input.newPrimaryId && isOpen(member.status),
          );
          if (!next) {
            throw new RuleViolationError(
              'newPrimaryId: the primary case can leave only when another open member of the group becomes primary',
            );
          }
          primaryId = next.id;
          await manager
            .getRepository(CaseGroup)
            .update({ id: group.id }, { primaryIncidentId: next.id });
        }
        await this.setGroup(manager, [leaving.id], null);
      }
      const about = {
        groupId: group.id,
        leftReference: leaving.reference,
        ...(primaryId !== group.primaryIncidentId ? { newPrimaryIncidentId: primaryId } : {}),
        ...(staying.length < 2 ? { dissolved: true } : {}),
        ...(reason ? { reason } : {}),
      };
      const told = staying.length < 2 ? staying : staying.filter((m) => m.id === primaryId);
      for (const member of [leaving, ...told]) {
        await this.recorder.record(manager, {
          incident: member,
          actorId: principal.id,
          event: { type: 'case_unlinked', visibility: 'internal', data: about },
          audit: { action: 'incident.unlinked', details: { ...about, leftIncidentId: leaving.id } },
        });
      }
      return this.viewOf(manager, incidentId === leaving.id ? null : caseGroupId);
    });
  }

  /** Makes another member of the group its primary case; it must be open. */
  setPrimary(
    principal: Principal,
    incidentId: string,
    primaryIncidentId: string,
  ): Promise<RelatedView> {
    return this.dataSource.transaction(async (manager) => {
      await this.reachAll(principal, [incidentId, primaryIncidentId], manager);
      await this.lockInvolved(manager, [incidentId, primaryIncidentId]);
      const cases = await this.lock(manager, [incidentId, primaryIncidentId]);
      const groupId = cases.get(incidentId)!.caseGroupId;
      const next = cases.get(primaryIncidentId)!;
      if (!groupId) throw new RuleViolationError('The report is not linked to any other');
      if (next.caseGroupId !== groupId) {
        throw new RuleViolationError('primaryIncidentId: the report is not in this group');
      }
      const group = await manager
        .getRepository(CaseGroup)
        .findOneOrFail({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
      if (group.primaryIncidentId === next.id) return this.viewOf(manager, groupId);
      if (!isOpen(next.status)) {
        throw new RuleViolationError(
          `${next.reference} is ${next.status}: only an open report can be the primary case`,
        );
      }
      const previous = (await this.lock(manager, [group.primaryIncidentId])).get(
        group.primaryIncidentId,
      )!;
      await manager
        .getRepository(CaseGroup)
        .update({ id: groupId }, { primaryIncidentId: next.id });
      const about = {
        groupId,
        previousPrimaryIncidentId: previous.id,
        previousPrimaryReference: previous.reference,
        primaryIncidentId: next.id,
        primaryReference: next.reference,
      };
      for (const member of [previous, next]) {
        await this.recorder.record(manager, {
          incident: member,
          actorId: principal.id,
          event: { type: 'case_primary_changed', visibility: 'internal', data: about },
          audit: { action: 'incident.primary_changed', details: about },
        });
      }
      return this.viewOf(manager, groupId);
    });
  }

  /** The case in the caller's reach as a caseworker, else a 404. */
  private reach(principal: Principal, incidentId: string, manager: EntityManager) {
    return this.access.require({
      principal,
      permission: Permission.IncidentDecide,
      incidentId,
      manager,
    });
  }

  private async reachAll(principal: Principal, ids: string[], manager: EntityManager) {
    for (const id of ids) await this.reach(principal, id, manager);
  }

  /**
   * Locks the cases and every member of their groups before anything is
   * read for the change: the primaries first, then the others, each in id
   * order. Resolving a primary takes the same order (the primary, then its
   * members), so no two changes of a group ever wait on each other in a
   * circle. When the groups changed between the look and the locks, 409.
   */
  private async lockInvolved(manager: EntityManager, ids: string[]): Promise<void> {
    const plan = () =>
      manager.query<{ id: string; case_group_id: string | null; primary: boolean }[]>(
        `SELECT i.id, i.case_group_id, coalesce(g.primary_incident_id = i.id, false) AS primary
           FROM incidents i
           LEFT JOIN case_groups g ON g.id = i.case_group_id
          WHERE i.id = ANY($1)
             OR i.case_group_id IN (
                  SELECT case_group_id FROM incidents WHERE id = ANY($1) AND case_group_id IS NOT NULL)
          ORDER BY i.id`,
        [ids],
      );
    const before = await plan();
    for (const primary of [true, false]) {
      const batch = before.filter((row) => row.primary === primary).map((row) => row.id);
      if (batch.length === 0) continue;
      await manager.query('SELECT id FROM incidents WHERE id = ANY($1) ORDER BY id FOR UPDATE', [
        batch,
      ]);
    }
    if (JSON.stringify(await plan()) !== JSON.stringify(before)) {
      throw new ConflictError('The related reports changed meanwhile: reload them and try again');
    }
  }

  /** Locks the cases in id order (already locked by `lockInvolved`: it only reads them). */
  private async lock(manager: EntityManager, ids: string[]): Promise<Map<string, Case>> {
    const rows = await this.lockWhere(manager, { id: In(ids) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    if (ids.some((id) => !byId.has(id))) throw new NotFoundError('Incident not found');
    return byId;
  }

  private lockWhere(manager: EntityManager, where: Record<string, unknown>): Promise<Case[]> {
    return manager.getRepository(Incident).find({
      select: {
        id: true,
        schoolId: true,
        reference: true,
        status: true,
        caseGroupId: true,
        reporterKind: true,
        location: true,
        occurredAt: true,
        createdAt: true,
      },
      where,
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Group membership is not a decision on the case: the version stays, so open pages keep working. */
  private async setGroup(manager: EntityManager, ids: string[], groupId: string | null) {
    if (ids.length === 0) return;
    await manager.query('UPDATE incidents SET case_group_id = $2 WHERE id = ANY($1)', [
      ids,
      groupId,
    ]);
  }

  private async viewOf(manager: EntityManager, groupId: string | null): Promise<RelatedView> {
    if (!groupId) return { groupId: null, primaryIncidentId: null, members: [] };
    const group = await manager.getRepository(CaseGroup).findOneBy({ id: groupId });
    if (!group) return { groupId: null, primaryIncidentId: null, members: [] };
    const members = await manager.getRepository(Incident).find({
      select: {
        id: true,
        reference: true,
        status: true,
        reporterKind: true,
        location: true,
        occurredAt: true,
        createdAt: true,
      },
      where: { caseGroupId: groupId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const view = members.map((member) => ({
      id: member.id,
      reference: member.reference,
      status: member.status,
      reporterKind: member.reporterKind,
      location: member.location,
      occurredAt: member.occurredAt,
      createdAt: member.createdAt,
      primary: member.id === group.primaryIncidentId,
    }));
    view.sort((a, b) => Number(b.primary) - Number(a.primary));
    return { groupId, primaryIncidentId: group.primaryIncidentId, members: view };
  }
}
