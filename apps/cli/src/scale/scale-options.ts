export interface ScaleOptions {
  incidents: number;
  schools: number;
  districts: number;
  studentsPerSchool: number;
  batchSize: number;
}

export const SCALE_DEFAULTS: ScaleOptions = {
  incidents: 100_000,
  schools: 50,
  districts: 5,
  studentsPerSchool: 200,
  batchSize: 20_000,
};

const FLAGS: Record<string, keyof ScaleOptions> = {
  '--incidents': 'incidents',
  '--schools': 'schools',
  '--districts': 'districts',
  '--students-per-school': 'studentsPerSchool',
  '--batch': 'batchSize',
};

/** `--incidents 1000000 --schools 500 --districts 50` (also `--incidents=1e6`, `1_000_000`). */
export function parseScaleOptions(args: string[]): ScaleOptions {
  const options = { ...SCALE_DEFAULTS };
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i].split('=', 2);
    const key = FLAGS[flag];
    if (!key) throw new Error(`Unknown option ${flag}; use ${Object.keys(FLAGS).join(', ')}`);
    const raw = inline ?? args[(i += 1)];
    const value = Number(String(raw ?? '').replace(/_/g, ''));
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${flag} needs a whole number above 0, got ${raw}`);
    options[key] = value;
  }
  if (options.districts > options.schools) throw new Error('--districts cannot exceed --schools');
  if (options.studentsPerSchool < 10) throw new Error('--students-per-school must be at least 10');
  return options;
}
