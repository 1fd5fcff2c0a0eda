import { parseScaleOptions, SCALE_DEFAULTS } from './scale-options';

describe('parseScaleOptions', () => {
  it('takes the defaults with no arguments', () => {
    expect(parseScaleOptions([])).toEqual(SCALE_DEFAULTS);
  });

  it('reads the flags of the issue, in both spellings', () => {
    expect(
      parseScaleOptions(['--incidents', '1000000', '--schools=500', '--districts', '50']),
    ).toMatchObject({
      incidents: 1_000_000,
      schools: 500,
      districts: 50,
    });
    expect(parseScaleOptions(['--incidents', '1_000_000']).incidents).toBe(1_000_000);
  });

  it('refuses unknown flags and bad numbers with a clear message', () => {
    expect(() => parseScaleOptions(['--incident', '5'])).toThrow(/Unknown option --incident/);
    expect(() => parseScaleOptions(['--schools', 'many'])).toThrow(
      /--schools needs a whole number/,
    );
    expect(() => parseScaleOptions(['--schools', '0'])).toThrow(/--schools/);
    expect(() => parseScaleOptions(['--schools', '2', '--districts', '3'])).toThrow(
      /cannot exceed/,
    );
  });
});
