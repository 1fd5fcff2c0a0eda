import { criticalReasons } from './critical-reasons';

describe('criticalReasons', () => {
  it('names the escalation at filing: the urgent tick and the danger terms', () => {
    expect(
      criticalReasons({ severity: 'critical', escalationReasons: ['urgent_flag', 'weapon'] }),
    ).toEqual(['urgent_flag', 'weapon']);
  });

  it('names triage when a caseworker made an ordinary report critical', () => {
    expect(criticalReasons({ severity: 'critical', escalationReasons: [] })).toEqual(['triage']);
  });

  it('gives no reason for a case that is not critical, even one escalated at filing', () => {
    expect(criticalReasons({ severity: 'medium', escalationReasons: ['threat'] })).toEqual([]);
    expect(criticalReasons({ severity: null, escalationReasons: [] })).toEqual([]);
  });

  it('follows severity changes after triage: lowered, no reason; raised by staff, triage', () => {
    const ordinary = { escalationReasons: [] };
    expect(criticalReasons({ ...ordinary, severity: 'critical' })).toEqual(['triage']);
    expect(criticalReasons({ ...ordinary, severity: 'low' })).toEqual([]);
    // Raised again after being lowered: the danger found at filing is still in the report.
    const escalated = { escalationReasons: ['self_harm'] };
    expect(criticalReasons({ ...escalated, severity: 'medium' })).toEqual([]);
    expect(criticalReasons({ ...escalated, severity: 'critical' })).toEqual(['self_harm']);
  });
});
