import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, UsersService, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto';

@ApiTags('administration')
@ApiBearerAuth()
@RequirePermission(Permission.UserAdminister)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an account in your school (school admin) or district (district admin)',
  })
  @ApiCreatedResponse({ type: UserDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateUserDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.create(principal, body));
  }

  @Get()
  @ApiOperation({ summary: 'Accounts within your reach, by username' })
  @ApiOkResponse({ type: UserPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: UserQueryDto,
  ): Promise<UserPageDto> {
    const page = await this.users.list(principal, query);
    return { items: page.items.map((user) => UserDto.from(user)), nextCursor: page.nextCursor };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, disable or enable, reset the password, change schools' })
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.update(principal, id, body));
  }
}
