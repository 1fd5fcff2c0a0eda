import { Permission, reachesRecord } from './permission';

describe('reachesRecord', () => {
  const me = 'user-1';

  it('lets staff download every file of a case they reach, whoever added it', () => {
    expect(reachesRecord(Permission.EvidenceDownload, 'staff', me, 'someone-else')).toBe(true);
    expect(reachesRecord(Permission.EvidenceDownload, 'staff', me, null)).toBe(true);
  });

  it('lets reporters and families download only the files they added', () => {
    for (const audience of ['reporter', 'family'] as const) {
      expect(reachesRecord(Permission.EvidenceDownload, audience, me, me)).toBe(true);
      expect(reachesRecord(Permission.EvidenceDownload, audience, me, 'someone-else')).toBe(false);
      // The anonymous reporter's files have no account behind them.
      expect(reachesRecord(Permission.EvidenceDownload, audience, me, null)).toBe(false);
    }
  });

  it('reaches nothing for an audience that lacks the permission', () => {
    expect(reachesRecord(Permission.IncidentDecide, 'family', me, me)).toBe(false);
    expect(reachesRecord(Permission.IncidentDecide, 'staff', me, 'someone-else')).toBe(true);
  });
});
