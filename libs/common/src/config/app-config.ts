import { existsSync } from 'node:fs';
import { Inject } from '@nestjs/common';
import { registerAs } from '@nestjs/config';
import { parseEnvironment } from './environment';

/** Loads `.env` from the working directory into process.env (variables already set win). */
export function loadEnvironmentFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export const appConfig = registerAs('app', () => parseEnvironment(process.env));

/** Injects the validated application configuration. */
export const InjectAppConfig = () => Inject(appConfig.KEY);
