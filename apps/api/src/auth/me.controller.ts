import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, Permission, ProfileService, type Principal } from '@app/identity';
import type { FastifyRequest } from 'fastify';
import { RequirePermission } from './decorators/permission.decorator';
import { CurrentPrincipal } from './decorators/current-principal.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { ProfileDto } from './dto/profile.dto';
import { TokenPairDto } from './dto/token-pair.dto';

@ApiTags('auth')
@ApiBearerAuth()
@RequirePermission(Permission.AccountOwn)
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOkResponse({ type: ProfileDto })
  me(@CurrentPrincipal() principal: Principal): Promise<ProfileDto> {
    return this.profiles.profile(principal);
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Change your own password; every other session ends and a fresh token pair is returned. ' +
      '422 for a wrong current password (counted like a failed sign-in), 429 after repeated ones',
  })
  @ApiOkResponse({ type: TokenPairDto })
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<TokenPairDto> {
    return this.auth.changeOwnPassword(principal, body, request.ip);
  }
}
