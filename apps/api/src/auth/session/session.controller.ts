import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { APP_CONFIG, NotAuthenticatedError, type AppConfig } from '@app/common';
import { AuthService, Permission, type Principal, type User } from '@app/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../decorators/current-principal.decorator';
import { RequirePermission } from '../decorators/permission.decorator';
import { Public } from '../decorators/public.decorator';
import { ChangePasswordDto } from '../dto/change-password.dto';
import { LoginDto } from '../dto/login.dto';
import { SessionDto } from '../dto/session.dto';
import { LocalAuthGuard } from '../guards/local-auth.guard';
import { COOKIE_SUPPORT } from './cookies';
import { SameOriginGuard } from './same-origin.guard';

/** The refresh token's cookie, sent back only to these routes. */
export const SESSION_COOKIE = 'ss_refresh';
export const SESSION_COOKIE_PATH = '/api/v1/auth/session';
type TokenPair = Awaited<ReturnType<AuthService['issueTokens']>>;

/** A refresh token is 43 characters; anything much longer was never issued. */
const MAX_COOKIE_LENGTH = 256;

const CROSS_SITE = 'Another site sent the request (Sec-Fetch-Site or Origin): refused';

/**
 * Sign-in for the web app: the refresh token lives in an HttpOnly,
 * SameSite=Strict cookie scoped to these routes, out of reach of scripts; the
 * access token is answered in the body, for the Authorization header. The
 * JSON `/auth/login`, `/auth/refresh`, `/auth/logout` and `/me/password` stay
 * for other clients. Sign-in, refresh and sign-out are public (the cookie is
 * the credential); the password change needs the bearer access token.
 */
@ApiTags('auth')
@UseGuards(SameOriginGuard)
@ApiForbiddenResponse({ description: CROSS_SITE })
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Cookie support must be registered before these routes can set cookies.
    @Inject(COOKIE_SUPPORT) _cookies: boolean,
  ) {}

  @Post()
  @Public()
  @UseGuards(LocalAuthGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Sign in from the web app: the access token in the body, the refresh token in the ss_refresh cookie',
    description:
      'Same credentials check, throttling and answers as POST /auth/login: 401 for any wrong credential, 429 after repeated failures.',
  })
  @ApiOkResponse({
    type: SessionDto,
    headers: {
      'Set-Cookie': {
        description: `${SESSION_COOKIE}=<refresh token>; Max-Age=<REFRESH_TOKEN_TTL_DAYS in seconds>; Path=${SESSION_COOKIE_PATH}; HttpOnly; SameSite=Strict (+ Secure over HTTPS)`,
        schema: { type: 'string' },
      },
    },
  })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins: see Retry-After' })
  async signIn(
    @Req() request: FastifyRequest & { user: User },
    @Body() _credentials: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const tokens = await this.auth.issueTokens(request.user);
    return this.answer(request, reply, tokens);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary: 'A new access token for the session in the ss_refresh cookie, which is rotated',
    description:
      'No body. A missing, expired or revoked cookie is a 401 that clears it; presenting an already rotated one ends its whole session family, as POST /auth/refresh does.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'No live session: sign in again' })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const presented = sessionCookieOf(request);
    try {
      if (!presented) throw new NotAuthenticatedError('No session: sign in again');
      return this.answer(request, reply, await this.auth.refresh(presented));
    } catch (error) {
      if (error instanceof NotAuthenticatedError) this.clear(request, reply);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary: 'Sign out: ends the session in the ss_refresh cookie and clears the cookie',
  })
  @ApiNoContentResponse({ description: 'Signed out (also when there was no session)' })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const presented = sessionCookieOf(request);
    if (presented) await this.auth.logout(presented);
    this.clear(request, reply);
  }

  @Post('password')
  @RequirePermission(Permission.AccountOwn)
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your own password from the web app: every other session ends; the new session is the ss_refresh cookie',
    description:
      'Same checks, throttling and answers as POST /me/password (400 for an unacceptable new password, ' +
      '422 for a wrong current password, counted like a failed sign-in, 429 after repeated ones), ' +
      'but the refresh token of the new session is set in the ss_refresh cookie, not answered in the body.',
  })
  @ApiOkResponse({
    type: SessionDto,
    headers: {
      'Set-Cookie': {
        description: `${SESSION_COOKIE}=<refresh token of the new session>; Max-Age=<REFRESH_TOKEN_TTL_DAYS in seconds>; Path=${SESSION_COOKIE_PATH}; HttpOnly; SameSite=Strict (+ Secure over HTTPS)`,
        schema: { type: 'string' },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'A missing field, or an unacceptable new password' })
  @ApiUnauthorizedResponse({ description: 'No valid access token' })
  @ApiUnprocessableEntityResponse({ description: 'currentPassword is not your current password' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords: see Retry-After' })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const tokens = await this.auth.changeOwnPassword(principal, body, request.ip);
    return this.answer(request, reply, tokens);
  }

  private answer(request: FastifyRequest, reply: FastifyReply, tokens: TokenPair): SessionDto {
    void reply.header('Cache-Control', 'no-store').setCookie(SESSION_COOKIE, tokens.refreshToken, {
      ...this.cookieOptions(request),
      maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400,
    });
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, user: tokens.user };
  }

  private clear(request: FastifyRequest, reply: FastifyReply): void {
    void reply
      .header('Cache-Control', 'no-store')
      .clearCookie(SESSION_COOKIE, this.cookieOptions(request));
  }

  private cookieOptions(request: FastifyRequest) {
    return {
      path: SESSION_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: request.protocol === 'https',
    };
  }
}

function sessionCookieOf(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[SESSION_COOKIE];
  return value && value.length <= MAX_COOKIE_LENGTH ? value : undefined;
}
