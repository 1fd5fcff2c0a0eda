/** API refusals as form errors (apps/web/src/features/forms/api-errors), without a browser. */
import {
  apiFieldErrors,
  fieldErrors,
  fieldsByPattern,
} from '../../apps/web/src/features/forms/api-errors';

describe('API errors as form errors', () => {
  const fieldOf = fieldsByPattern([
    [/^name\b/, 'day-off-name'],
    [/^to\b|spans/, 'day-off-to'],
  ]);

  it('ties each message to the field its pattern names, else to the whole form', () => {
    expect(fieldErrors(['name must be shorter', 'the range spans a year', 'no'], fieldOf)).toEqual([
      { field: 'day-off-name', message: 'name must be shorter' },
      { field: 'day-off-to', message: 'the range spans a year' },
      { field: undefined, message: 'no' },
    ]);
  });

  it("reads the API's message, one or many, and falls back when there is none", () => {
    expect(apiFieldErrors({ message: 'code taken' }, 'Failed', 'new-school-code')).toEqual([
      { field: 'new-school-code', message: 'code taken' },
    ]);
    expect(apiFieldErrors({ message: ['a', 'b'] }, 'Failed')).toEqual([
      { field: undefined, message: 'a' },
      { field: undefined, message: 'b' },
    ]);
    expect(apiFieldErrors(undefined, 'Failed', fieldOf)).toEqual([
      { field: undefined, message: 'Failed' },
    ]);
  });
});
