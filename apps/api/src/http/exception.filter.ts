import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import {
  DomainError,
  postgresErrorCode,
  TooManyAttemptsError,
  type DomainErrorCode,
} from '@app/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** SQLSTATE classes that can only come from a value the client sent. */
const CLIENT_DATA_ERRORS: Record<string, { status: number; message: string }> = {
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A value is too long' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A number is out of range' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'A date or time has the wrong format' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'A date or time is out of range' },
  // e.g. a NUL character (\u0000) in a string: valid JSON, but PostgreSQL text cannot hold it
  '22021': {
    status: HttpStatus.BAD_REQUEST,
    message: 'A value contains a character that cannot be stored',
  },
  '22P05': {
    status: HttpStatus.BAD_REQUEST,
    message: 'A value contains a character that cannot be stored',
  },
  '23505': { status: HttpStatus.CONFLICT, message: 'This record already exists' },
};

/** The one place where the libraries' error codes become HTTP statuses. */
const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, HttpStatus> = {
  invalid_input: HttpStatus.BAD_REQUEST,
  not_authenticated: HttpStatus.UNAUTHORIZED,
  not_allowed: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  rule_violation: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many_attempts: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * Every error leaves as `{ statusCode, error, message }`. Anything that is not
 * a known client error is logged with its stack and answered with a bare 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (exception instanceof TooManyAttemptsError) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const status = DOMAIN_ERROR_STATUS[exception.code];
      return { statusCode: status, error: STATUS_CODES[status]!, message: exception.detail };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
    }
    const fastifyStatus = (exception as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        statusCode: fastifyStatus,
        error: STATUS_CODES[fastifyStatus] ?? 'Error',
        message: (exception as Error).message,
      };
    }
    const known = CLIENT_DATA_ERRORS[postgresErrorCode(exception) ?? ''];
    if (known) {
      return {
        statusCode: known.status,
        error: STATUS_CODES[known.status]!,
        message: known.message,
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}
