export { CommonModule } from './common.module';
export {
  APP_CONFIG,
  appConfigModule,
  InjectAppConfig,
  loadEnvironmentFile,
} from './config/app-config';
export { parseEnvironment, type AppConfig } from './config/environment';
export { isUniqueViolation, postgresErrorCode } from './errors/postgres-errors';
export { decodeCursor, PageQueryDto, toPage, type Page } from './pagination/page';
export { Clock } from './time/clock';
export { schoolDayDeadline, schoolYearOf, type SchoolCalendar } from './calendar/school-days';
