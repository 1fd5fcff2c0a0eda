export * from './config/environment';
export * from './config/app-config';
export * from './pagination/page';
export * from './time/clock';
export * from './errors/postgres-errors';
export * from './common.module';
export * from './calendar/school-days';
