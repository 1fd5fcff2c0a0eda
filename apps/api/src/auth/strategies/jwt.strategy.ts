import { createSecretKey } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectAppConfig, type AppConfig } from '@app/common';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  issuedAtMs,
  PrincipalLoader,
  type AccessTokenClaims,
  type Principal,
} from '@app/identity';
import { ExtractJwt, Strategy } from 'passport-jwt';

/** Bearer access tokens; the algorithm is pinned so a token cannot choose its own. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @InjectAppConfig() config: AppConfig,
    private readonly principals: PrincipalLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: jsonwebtoken otherwise first tries (and fails) to
      // parse the secret as a PEM public key on every request, which costs more than the check.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as string,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /**
   * Disabled or deleted accounts, and tokens issued before the user's sessions
   * were ended, lose access at once, not when the token expires. A token
   * without an expiry is refused.
   */
  async validate(claims: Partial<AccessTokenClaims>): Promise<Principal> {
    const issuedAt = issuedAtMs(claims);
    if (issuedAt === undefined || typeof claims.sub !== 'string') throw new UnauthorizedException();
    const principal = await this.principals.load(claims.sub, issuedAt);
    if (!principal) throw new UnauthorizedException();
    return principal;
  }
}
