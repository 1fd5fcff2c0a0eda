export interface BenchOptions {
  /** Seconds per scenario. */
  duration: number;
  connections: number;
  /** Generated incidents the database should hold (seeded when it holds fewer). */
  incidents: number;
  schools: number;
  districts: number;
  /** Use this database instead of DATABASE_URL or the embedded one in .data/bench. */
  databaseUrl?: string;
  /** Only these scenarios (comma-separated names). */
  only?: string[];
}

export const BENCH_DEFAULTS: BenchOptions = {
  duration: 10,
  connections: 64,
  incidents: 1_000_000,
  schools: 500,
  districts: 50,
};

export function parseBenchOptions(args: string[]): BenchOptions {
  const options: BenchOptions = { ...BENCH_DEFAULTS };
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i].split('=', 2);
    const value = inline ?? args[(i += 1)];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    const whole = () => {
      const n = Number(value.replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`${flag} needs a whole number above 0, got ${value}`);
      return n;
    };
    switch (flag) {
      case '--duration':
        options.duration = whole();
        break;
      case '--connections':
        options.connections = whole();
        break;
      case '--incidents':
        options.incidents = whole();
        break;
      case '--schools':
        options.schools = whole();
        break;
      case '--districts':
        options.districts = whole();
        break;
      case '--database-url':
        options.databaseUrl = value;
        break;
      case '--only':
        options.only = value.split(',').map((name) => name.trim());
        break;
      default:
        throw new Error(
          `Unknown option ${flag}; use --duration, --connections, --incidents, --schools, --districts, --database-url, --only`,
        );
    }
  }
  return options;
}
