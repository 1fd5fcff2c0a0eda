import { SqlParams } from '@app/database';
import { liveEventWrites, raisesCriticalAlert } from './live-events-sql';

const writesOf = (
  type: string,
  data: Record<string, unknown>,
  previousSeverity?: string | null,
) => {
  const params = new SqlParams();
  const incident = params.add('incident-id');
  const school = params.add('school-id');
  const writes = liveEventWrites({ params, incident, school, type, data, previousSeverity });
  return { writes, values: params.values };
};

describe('live events of case changes', () => {
  it('raises a critical alert when a case becomes critical, not when it already was', () => {
    expect(raisesCriticalAlert({ type: 'escalated', data: {} })).toBe(true);
    expect(
      raisesCriticalAlert({
        type: 'triaged',
        data: { severity: 'critical' },
        previousSeverity: null,
      }),
    ).toBe(true);
    expect(
      raisesCriticalAlert({
        type: 'triaged',
        data: { severity: 'critical' },
        previousSeverity: 'critical',
      }),
    ).toBe(false);
    expect(raisesCriticalAlert({ type: 'triaged', data: { severity: 'high' } })).toBe(false);
    expect(raisesCriticalAlert({ type: 'internal_note', data: {} })).toBe(false);
  });

  it('raises it when staff change the severity to critical after triage, and never for the reason', () => {
    const raise = (to: string, previousSeverity: string | null) =>
      raisesCriticalAlert({
        type: 'severity_changed',
        data: { from: previousSeverity, to, reason: 'Secret words' },
        previousSeverity,
      });
    expect(raise('critical', 'medium')).toBe(true);
    expect(raise('critical', 'critical')).toBe(false);
    expect(raise('low', 'critical')).toBe(false);
    const changed = writesOf(
      'severity_changed',
      { from: 'medium', to: 'critical', reason: 'Secret words' },
      'medium',
    );
    expect(changed.writes.map((write) => write.name)).toEqual([
      'live_event',
      'raised_alert',
      'alert_event',
    ]);
    expect(changed.values).toContain(JSON.stringify({ from: 'medium', severity: 'critical' }));
    expect(JSON.stringify(changed.values)).not.toContain('Secret words');
  });

  it('announces queue changes with ids and codes only, never the text of a case', () => {
    const resolved = writesOf('resolved', { outcome: 'substantiated', summary: 'Secret words' });
    expect(resolved.writes.map((write) => write.name)).toEqual(['live_event']);
    expect(JSON.stringify(resolved.values)).not.toContain('Secret words');
    expect(resolved.values).toContain('incident.status_changed');

    const transition = writesOf('status_changed', { from: 'triaged', to: 'investigating' });
    expect(transition.values).toContain(
      JSON.stringify({ from: 'triaged', status: 'investigating' }),
    );
  });

  it('announces nothing for notes, messages and attachments', () => {
    for (const type of ['internal_note', 'shared_note', 'message_posted', 'attachment_added'])
      expect(writesOf(type, { body: 'Secret words' }).writes).toEqual([]);
  });

  it('writes the alert and its event for a report filed critical', () => {
    const { writes } = writesOf('escalated', { reasons: ['urgent'] });
    expect(writes.map((write) => write.name)).toEqual([
      'live_event',
      'raised_alert',
      'alert_event',
    ]);
    expect(writes[1].sql).toMatch(
      /ON CONFLICT \(incident_id\) WHERE acknowledged_at IS NULL DO NOTHING/,
    );
  });
});
