import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, Permission, ProfileService, type Principal } from '@app/identity';
import type { FastifyRequest } from 'fastify';
import { RequirePermission } from './decorators/permission.decorator';
import { CurrentPrincipal } from './decorators/current-principal.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { ProfileDto, UpdateProfileDto } from './dto/profile.dto';
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
  @ApiOperation({ summary: 'Your account, your schools and, for parents, your children' })
  @ApiOkResponse({ type: ProfileDto })
  me(@CurrentPrincipal() principal: Principal): Promise<ProfileDto> {
    return this.profiles.profile(principal);
  }

  @Patch()
  @ApiOperation({
    summary: 'Change your own display name or language (at least one); answers your profile',
  })
  @ApiOkResponse({ type: ProfileDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateProfileDto,
  ): Promise<ProfileDto> {
    return this.profiles.update(principal, body);
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
