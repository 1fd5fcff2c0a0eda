/** The queue page's address (apps/web/src/features/queue), without a browser. */
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
