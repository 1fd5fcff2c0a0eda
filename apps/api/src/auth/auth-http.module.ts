import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { IdentityModule } from '@app/identity';
import { AuthController } from './auth.controller';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { PermissionGuard } from './guards/permission.guard';
import { MeController } from './me.controller';
import { cookieSupport } from './session/cookies';
import { SameOriginGuard } from './session/same-origin.guard';
import { SessionController } from './session/session.controller';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';

/**
 * Sign-in, tokens (in JSON, or for browsers a refresh cookie) and the two
 * global guards (authentication, then role).
 */
@Module({
  imports: [IdentityModule, PassportModule],
  controllers: [AuthController, SessionController, MeController],
  providers: [
    LocalStrategy,
    JwtStrategy,
    cookieSupport,
    SameOriginGuard,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
})
export class AuthHttpModule {}
