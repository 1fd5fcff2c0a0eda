import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthService, User } from '@app/identity';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ passReqToCallback: true });
  }

  /** The client address only keys the in-memory failure counter; it is never stored. */
  validate(request: FastifyRequest, username: string, password: string): Promise<User> {
    return this.auth.verifyCredentials(username, password, request.ip);
  }
}
