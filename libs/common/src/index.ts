export { CommonModule } from './common.module';
export {
  APP_CONFIG,
  appConfigModule,
  InjectAppConfig,
  loadEnvironmentFile,
} from './config/app-config';
export { parseEnvironment, type AppConfig } from './config/environment';
export {
  ConflictError,
  DOMAIN_ERROR_CODES,
  DomainError,
  InvalidInputError,
  NotAllowedError,
  NotAuthenticatedError,
  NotFoundError,
  RuleViolationError,
  TooLargeError,
  TooManyAttemptsError,
  UnsupportedTypeError,
  type DomainErrorCode,
} from './errors/domain-errors';
export { isUniqueViolation, postgresErrorCode } from './errors/postgres-errors';
export { decodeCursor, PageQueryDto, toPage, type Page } from './pagination/page';
export { Clock } from './time/clock';
export {
  isSchoolDay,
  localDate,
  movedDeadline,
  schoolDayDeadline,
  schoolDayRule,
  schoolDaysUntil,
  schoolYearOf,
  type DateRange,
  type SchoolCalendar,
  type SchoolYearBounds,
} from './calendar/school-days';
export {
  DEFAULT_SCHOOL_HOURS,
  minutesOf,
  openingState,
  SCHOOL_HOURS_PATTERN,
  validSchoolHours,
  type OpeningState,
  type SchoolHours,
} from './calendar/school-hours';
export { readSse, type SseMessage } from './sse/read-sse';
