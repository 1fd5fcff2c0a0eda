import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ProfileService, type Principal } from '@app/identity';
import { CurrentPrincipal } from './decorators/current-principal.decorator';
import { ProfileDto } from './dto/profile.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  me(@CurrentPrincipal() principal: Principal): Promise<ProfileDto> {
    return this.profiles.profile(principal);
  }
}
