import { followUpReminderDue, isTodayOrLater } from './reminder-due';

const zone = 'America/Chicago'; // UTC-6 in December
const planned = (scheduledFor: string) => ({
  status: 'planned' as const,
  scheduledFor,
  remindedAt: null,
});

describe('followUpReminderDue', () => {
  it('is not due before 07:00 of the planned day in the school time zone', () => {
    // 12:59 UTC is 06:59 in Chicago
    expect(followUpReminderDue(planned('2026-12-14'), new Date('2026-12-14T12:59:00Z'), zone)).toBe(
      false,
    );
  });

  it('is due from 07:00 of the planned day on', () => {
    expect(followUpReminderDue(planned('2026-12-14'), new Date('2026-12-14T13:00:00Z'), zone)).toBe(
      true,
    );
    expect(followUpReminderDue(planned('2026-12-14'), new Date('2026-12-14T23:30:00Z'), zone)).toBe(
      true,
    );
  });

  it('is due on a later day (a worker that was down catches up)', () => {
    expect(followUpReminderDue(planned('2026-12-14'), new Date('2026-12-16T03:00:00Z'), zone)).toBe(
      true,
    );
  });

  it('is not due on the days before, even when UTC is already on the planned day', () => {
    // 02:00 UTC on the 14th is 20:00 on the 13th in Chicago
    expect(followUpReminderDue(planned('2026-12-14'), new Date('2026-12-14T02:00:00Z'), zone)).toBe(
      false,
    );
    expect(followUpReminderDue(planned('2026-12-20'), new Date('2026-12-14T15:00:00Z'), zone)).toBe(
      false,
    );
  });

  it('is never due twice, nor for a follow-up done or cancelled', () => {
    const late = new Date('2026-12-20T15:00:00Z');
    expect(
      followUpReminderDue({ ...planned('2026-12-14'), remindedAt: new Date() }, late, zone),
    ).toBe(false);
    expect(followUpReminderDue({ ...planned('2026-12-14'), status: 'done' }, late, zone)).toBe(
      false,
    );
    expect(followUpReminderDue({ ...planned('2026-12-14'), status: 'cancelled' }, late, zone)).toBe(
      false,
    );
  });
});

describe('isTodayOrLater', () => {
  it('judges the day in the school time zone', () => {
    const evening = new Date('2026-12-15T03:00:00Z'); // 21:00 on the 14th in Chicago
    expect(isTodayOrLater('2026-12-14', evening, zone)).toBe(true);
    expect(isTodayOrLater('2026-12-13', evening, zone)).toBe(false);
    expect(isTodayOrLater('2026-12-15', evening, zone)).toBe(true);
  });
});
