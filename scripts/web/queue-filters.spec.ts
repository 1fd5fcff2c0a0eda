/** The queue page's address and deadline words (apps/web/src/features/queue), without a browser. */
import { dueState } from '../../apps/web/src/features/queue/deadline';
import {
  DEFAULT_FILTERS,
  filtersToQuery,
  filtersToSearch,
  OPEN_STATUSES,
  parseFilters,
} from '../../apps/web/src/features/queue/filters';

describe('queue filters in the address', () => {
  it('reads what it writes, leaving the defaults out', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      status: 'triaged' as const,
      location: 'cafeteria' as const,
      assignee: 'me' as const,
      overdue: true,
      q: ' lunch tray ',
    };
    const search = filtersToSearch(filters);

    expect(search).toBe('?status=triaged&location=cafeteria&assignee=me&overdue=true&q=lunch+tray');
    expect(parseFilters(search)).toEqual({ ...filters, q: 'lunch tray' });
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe('');
  });

  it('falls back to the defaults for values it does not know', () => {
    expect(parseFilters('?status=lost&severity=huge&assignee=everyone&overdue=yes')).toEqual(
      DEFAULT_FILTERS,
    );
  });

  it('asks the API for the open statuses by default, and for any status with `all`', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({ status: OPEN_STATUSES });
    expect(filtersToQuery({ ...DEFAULT_FILTERS, status: 'all', assignee: 'none' })).toEqual({
      assignee: 'none',
    });
  });
});

describe('dueState', () => {
  const zone = 'America/New_York';
  // 10:00 in New York on December 2, 2026.
  const now = new Date('2026-12-02T15:00:00Z');

  it('says overdue once the deadline has passed', () => {
    expect(dueState('2026-12-02T14:59:59Z', zone, now)).toBe('overdue');
  });

  it('says today for a deadline later today on the school’s calendar, whatever the UTC date', () => {
    // 23:59 in New York is already December 3 in UTC.
    expect(dueState('2026-12-03T04:59:59.999Z', zone, now)).toBe('today');
    expect(dueState('2026-12-03T05:00:00Z', zone, now)).toBe('later');
  });

  it('has nothing to say without a deadline', () => {
    expect(dueState(null, zone, now)).toBeNull();
  });
});
