import { createSecretKey } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectAppConfig, type AppConfig } from '@app/common';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  PrincipalLoader,
  type AccessTokenPayload,
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

  /** Disabled or deleted accounts lose access at once, not when the token expires. */
  async validate(payload: AccessTokenPayload): Promise<Principal> {
    const principal = await this.principals.load(payload.sub);
    if (!principal) throw new UnauthorizedException();
    return principal;
  }
}
