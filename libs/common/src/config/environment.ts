import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

/** The development-only signing secret. Production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const isProduction = (env: EnvironmentVariables) => env.NODE_ENV === 'production';

/**
 * Every setting the platform reads from the environment, with its default.
 * `docs/configuration.md` describes each one for operators.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.DATABASE_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message:
      'DATABASE_URL must be a postgres:// connection URL (required when NODE_ENV=production)',
  })
  DATABASE_URL?: string;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  DATA_DIR = '.data';

  /** The built web app (npm run build puts it here); served at `/` when it exists. */
  @IsString()
  WEB_DIR = 'dist/web';

  /**
   * Where "Leave this site" sends people: an everyday site that says nothing
   * about this one. The API writes it into the app's page; the app itself
   * names no other host.
   */
  @MaxLength(500)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    {
      message: 'QUICK_EXIT_URL must be an http:// or https:// URL such as https://www.google.com/',
    },
  )
  QUICK_EXIT_URL = 'https://www.google.com/';

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_DB_PORT?: number;

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO = true;

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD = 'safe-schools-demo';

  // Checked bottom-up: presence first, then length, then not the default.
  @ValidateIf(isProduction)
  @Matches(/^(?!development-only-secret-do-not-use-in-production$)/, {
    message: 'JWT_SECRET must not be the development default when NODE_ENV=production',
  })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters when NODE_ENV=production' })
  @IsString({ message: 'JWT_SECRET is required when NODE_ENV=production' })
  JWT_SECRET?: string;

  @Transform(toInteger)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Failed sign-ins for one username from one client address before each next try waits. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT = 5;

  /** Failed sign-ins from one client address (a whole school behind one NAT) before waits begin. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  LOGIN_FREE_FAILURES_PER_CLIENT = 100;

  /** The first wait; it doubles with each further failure. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_BACKOFF_BASE_SECONDS = 2;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_BACKOFF_MAX_SECONDS = 900;

  /** Failures are forgotten once the wait has ended and this long has passed without another. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_MEMORY_SECONDS = 3600;

  /** Requests per minute one client may make to each anonymous-reporting endpoint. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 20;

  /** smtp://user:password@host:587 (or smtps://...). Unset: e-mails are written to DATA_DIR/mail. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://user:password@host:587' })
  SMTP_URL?: string;

  @IsString()
  @MaxLength(254)
  MAIL_FROM = 'Safe Schools <no-reply@safe-schools.local>';

  /** Where people open the web app; e-mails link to `${PUBLIC_URL}/cases/<id>`. No trailing slash is kept. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\/+$/, '') : value,
  )
  @MaxLength(500)
  @IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      allow_query_components: false,
      allow_fragments: false,
    },
    {
      message: 'PUBLIC_URL must be an http:// or https:// URL such as https://reports.example.org',
    },
  )
  PUBLIC_URL = 'http://localhost:3000';

  /** Run the background worker inside the API process (one command does everything). */
  @Transform(toBoolean)
  @IsBoolean()
  WORKER_IN_PROCESS = true;

  /** How often an idle worker looks for new work. */
  @Transform(toInteger)
  @IsInt()
  @Min(50)
  @Max(60_000)
  WORKER_POLL_MS = 1000;

  /** Attempts before an event or e-mail goes to the dead-letter state. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(50)
  OUTBOX_MAX_ATTEMPTS = 8;

  /** How often the worker looks for deadlines due soon or passed. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3600)
  DEADLINE_SCAN_SECONDS = 60;

  /** How far ahead a deadline is "due soon": the caseload's count and the reminders alike. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(168)
  DUE_SOON_HOURS = 24;

  /** Minutes a critical alert may stay unacknowledged before the worker e-mails the school's and the district's administrators. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1440)
  CRITICAL_ALERT_ESCALATION_MINUTES = 15;

  /**
   * Write the school's automatic reply into a thread when a report or a
   * family's message arrives outside school hours (on-call e-mails and the
   * help lines do not depend on it).
   */
  @Transform(toBoolean)
  @IsBoolean()
  AFTER_HOURS_REPLIES = true;

  /** Benchmarks only: answer each request with `x-query-count`, the SQL statements it caused (exact when requests do not overlap). */
  @Transform(toBoolean)
  @IsBoolean()
  QUERY_COUNT_HEADER = false;

  /** Comma-separated list of allowed browser origins; empty disables CORS, `*` allows any. */
  @IsString()
  @MaxLength(2000)
  CORS_ORIGINS = '';

  @Transform(toInteger)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 256 * 1024;

  /** Largest evidence video (MP4, QuickTime) accepted; it is streamed to storage, never held in memory. Pictures, PDFs and text stay at 10 MB. */
  @Transform(toInteger)
  @IsInt()
  @Min(1024 * 1024)
  @Max(2 * 1024 * 1024 * 1024)
  MAX_VIDEO_BYTES = 50 * 1024 * 1024;

  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Serve the Swagger UI at /api/docs. Unset: on, except with NODE_ENV=production. The OpenAPI JSON is always served. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  API_DOCS?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';
}

export type AppConfig = Readonly<EnvironmentVariables & { JWT_SECRET: string; API_DOCS: boolean }>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads and validates the environment. Unknown variables are ignored; empty
 * values count as unset. Throws a ConfigurationError naming every bad variable.
 */
export function parseEnvironment(
  env: NodeJS.ProcessEnv | Record<string, string | undefined>,
): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const relevant: Record<string, string> = {};
  const optional = ['DATABASE_URL', 'EMBEDDED_DB_PORT', 'JWT_SECRET', 'SMTP_URL', 'API_DOCS'];
  for (const key of [...known, ...optional]) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') relevant[key] = value.trim();
  }
  const config = plainToInstance(EnvironmentVariables, relevant);
  const errors = validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.flatMap((error) =>
        Object.values(error.constraints ?? {}).map((message) =>
          message.startsWith(error.property) ? message : `${error.property}: ${message}`,
        ),
      ),
    );
  }
  return Object.freeze({
    ...config,
    // Outside production a fixed secret keeps sessions valid across restarts.
    JWT_SECRET: config.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    API_DOCS: config.API_DOCS ?? !isProduction(config),
  });
}
