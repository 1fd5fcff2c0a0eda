import { existsSync } from 'node:fs';
import { DynamicModule, Inject } from '@nestjs/common';
import { ConfigModule, getConfigToken, registerAs } from '@nestjs/config';
import type { AppConfig } from './environment';

/** Loads `.env` from the working directory into process.env (variables already set win). */
export function loadEnvironmentFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

const NAMESPACE = 'app';

/** The injection token of the validated configuration. */
export const APP_CONFIG = getConfigToken(NAMESPACE);

/**
 * Makes the configuration the process validated at start-up injectable
 * everywhere, so that the app, the worker and each test use exactly the
 * settings they were started with.
 */
export function appConfigModule(config: AppConfig): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    load: [registerAs(NAMESPACE, () => config)],
  });
}

export const InjectAppConfig = () => Inject(APP_CONFIG);
