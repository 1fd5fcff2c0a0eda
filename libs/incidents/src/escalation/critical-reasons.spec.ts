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
});
