import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Incident } from '../entities/incident.entity';
import type { Message } from '../entities/message.entity';
import { CaseRecorder } from '../recording/case-recorder';
import { districtDangerTerms } from './danger-terms.service';
import { dangerCategories, type DangerCategory } from './escalation-terms';

/** Reasons kept on the case: the earlier ones, then the new categories, each once. */
export function mergedReasons(earlier: readonly string[], found: readonly string[]): string[] {
  return [...new Set([...earlier, ...found])];
}

/**
 * Danger written in a message: a family's, a reporter's or an anonymous
 * reporter's message that contains a danger term (built-in or the
 * district's) makes the case critical, as a report with it would at filing.
 * Staff messages are not scanned: staff write about the danger they already
 * handle ("did he say he has a knife?"), and they can set the severity.
 */
@Injectable()
export class MessageEscalation {
  constructor(private readonly recorder: CaseRecorder) {}

  /**
   * With the message's transaction: when the message speaks of danger, the
   * case becomes critical (its version moves on, so a caseworker's decision
   * taken on the older view gets a 409), the categories join its escalation
   * reasons, and an `escalated` timeline entry says why and which message
   * (`source: 'message'`). A case that was not critical raises the critical
   * alert and the `escalated` notice to every caseworker of the school, as at
   * filing. A case critical already gets the timeline entry and reasons, no
   * second notice (the message notice goes out anyway); its alert is raised
   * again only when the earlier one was acknowledged: new danger after
   * someone took the case deserves eyes again. Returns the categories found.
   */
  async scan(
    manager: EntityManager,
    incident: Incident,
    message: Message,
  ): Promise<DangerCategory[]> {
    if (message.authorKind === 'staff') return [];
    const found = dangerCategories(
      [message.body],
      await districtDangerTerms(manager, incident.districtId),
    );
    if (found.length === 0) return [];
    const [before] = await manager.query<
      { severity: string | null; escalation_reasons: string[] }[]
    >(
      // NO KEY UPDATE: the message's own rows hold a KEY SHARE lock on the case
      // (foreign keys), and two messages at once must queue, not deadlock.
      'SELECT severity, escalation_reasons FROM incidents WHERE id = $1 FOR NO KEY UPDATE',
      [incident.id],
    );
    const reasons = mergedReasons(before.escalation_reasons, found);
    await manager.query(
      `UPDATE incidents SET severity = 'critical', escalation_reasons = $2,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [incident.id, reasons],
    );
    const wasCritical = before.severity === 'critical';
    const data = {
      reasons: found,
      severity: 'critical',
      previousSeverity: before.severity,
      source: 'message',
      messageId: message.id,
      authorKind: message.authorKind,
      threadStudentId: message.threadStudentId,
    };
    await this.recorder.record(manager, {
      incident: { id: incident.id, schoolId: incident.schoolId, severity: before.severity },
      actorId: message.authorId,
      event: { type: 'escalated', visibility: 'internal', data },
      audit: { action: 'incident.escalated', details: data },
      ...(wasCritical
        ? {}
        : {
            notice: {
              type: 'escalated' as const,
              to: [{ kind: 'caseworkers' as const }],
              payload: { reasons: found },
            },
          }),
    });
    incident.severity = 'critical';
    incident.escalationReasons = reasons;
    return found;
  }
}
