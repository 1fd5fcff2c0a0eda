import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AppConfig, Clock, InjectAppConfig, RuleViolationError } from '@app/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';
import { User } from '../entities/user.entity';
import { requireAcceptablePassword } from '../passwords/password-policy';
import { PasswordService } from '../passwords/password.service';
import type { Principal } from '../principal';
import type { Role } from '../roles';
import type { AccessTokenPayload } from './access-token';
import { InvalidCredentialsError, InvalidRefreshTokenError } from './auth.errors';
import { LoginGuardService } from './login-guard.service';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; role: Role; displayName: string };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly loginGuard: LoginGuardService,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** Checks a username and password; the same 401 whatever was wrong. */
  async verifyCredentials(username: string, password: string, client: string): Promise<User> {
    const login = username.trim().toLowerCase();
    this.loginGuard.beginAttempt(login, client);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :login', { login })
      .getOne();
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !passwordMatches || user.disabled) throw new InvalidCredentialsError();
    this.loginGuard.recordSuccess(login, client);
    return user;
  }

  /**
   * A user changes their own password with the current one. A wrong current
   * password counts as a failed sign-in from that client, so this is no
   * faster a way to guess it. Every other session ends; the caller gets a
   * fresh pair and stays signed in.
   */
  async changeOwnPassword(
    principal: Principal,
    passwords: { currentPassword: string; newPassword: string },
    client: string,
  ): Promise<TokenPair> {
    requireAcceptablePassword('newPassword', passwords.newPassword, principal);
    this.loginGuard.beginAttempt(principal.username, client);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id: principal.id })
      .getOneOrFail();
    if (!(await this.passwords.verify(user.passwordHash, passwords.currentPassword))) {
      throw new RuleViolationError('currentPassword is not your current password');
    }
    this.loginGuard.recordSuccess(principal.username, client);
    const passwordHash = await this.passwords.hash(passwords.newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update(user.id, { passwordHash });
      await this.revokeAllSessions(manager, user.id);
      return this.issue(manager, user, randomUUID());
    });
  }

  /** Starts a new refresh-token family for a fresh sign-in. */
  issueTokens(user: Pick<User, 'id' | 'role' | 'displayName'>): Promise<TokenPair> {
    return this.dataSource.transaction((manager) => this.issue(manager, user, randomUUID()));
  }

  /**
   * Rotates a refresh token. A token that was already rotated or revoked
   * revokes its whole family: someone else holds a copy.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :hash', { hash: hashToken(refreshToken) })
        .getOne();
      if (!stored) return undefined;
      const now = this.clock.now();
      if (stored.rotatedAt || stored.revokedAt) {
        await this.revokeFamily(manager, stored.familyId);
        await this.endAccessTokens(manager, stored.userId);
        return undefined;
      }
      if (stored.expiresAt <= now) return undefined;
      const user = await manager.getRepository(User).findOneBy({ id: stored.userId });
      if (!user || user.disabled) {
        await this.revokeFamily(manager, stored.familyId);
        return undefined;
      }
      await manager.getRepository(RefreshToken).update(stored.id, { rotatedAt: now });
      return this.issue(manager, user, stored.familyId);
    });
    if (!outcome) throw new InvalidRefreshTokenError();
    return outcome;
  }

  /**
   * Ends the session the refresh token belongs to, and every access token of
   * the user issued until now (other sessions refresh to go on). Unknown
   * tokens are ignored.
   */
  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const stored = await manager
        .getRepository(RefreshToken)
        .findOneBy({ tokenHash: hashToken(refreshToken) });
      if (!stored) return;
      await this.revokeFamily(manager, stored.familyId);
      await this.endAccessTokens(manager, stored.userId);
    });
  }

  /** Signs a user out everywhere (disabled account, new password): every token issued until now ends. */
  async revokeAllSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager
      .getRepository(RefreshToken)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    await this.endAccessTokens(manager, userId);
  }

  /** Access tokens issued before now stop working at once, not when they expire. */
  private async endAccessTokens(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(User).update(userId, { sessionsValidAfter: this.clock.now() });
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .getRepository(RefreshToken)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async issue(
    manager: EntityManager,
    user: Pick<User, 'id' | 'role' | 'displayName'>,
    familyId: string,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const issuedAt = this.clock.now().getTime();
    const expiresAt = new Date(issuedAt + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await manager.getRepository(RefreshToken).insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt,
    });
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, iat_ms: issuedAt };
    return {
      accessToken: await this.jwt.signAsync({ ...payload, iat: Math.floor(issuedAt / 1000) }),
      refreshToken,
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
      user: { id: user.id, role: user.role, displayName: user.displayName },
    };
  }
}
