import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { malformedInputProblem } from './malformed-input';

/**
 * Refuses bodies nested too deep to validate and strings that are not text
 * (a lone surrogate, NUL), in the body or the query string, on every route:
 * after Fastify has parsed the body, before any guard, pipe or validator.
 */
export function rejectMalformedInput(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problem =
      malformedInputProblem(request.body, 'body') ?? malformedInputProblem(request.query, 'query');
    done(problem ? new BadRequestException([problem]) : undefined);
  });
}
