import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '@app/common';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  SUPPORTED_LOCALES,
  type Locale,
  type Role,
  USERNAME_PATTERN,
  USERNAME_RULE,
  type UserWithSchools,
} from '@app/identity';
import { isPresent } from '../../http/validation';

export class CreateUserDto {
  @ApiProperty({
    example: 'student.sam',
    description: 'Lower-case letters, digits, dot, dash, underscore',
  })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username: string;

  @ApiProperty({ example: 'Sam Carter' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    description: 'Not a common password, not built on the username or display name',
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  schoolIds: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, enumName: 'Locale', default: 'en' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @ValidateIf(isPresent)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes it' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, enumName: 'Locale' })
  @ValidateIf(isPresent)
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    description: 'Disabled accounts cannot sign in; their sessions end at once',
  })
  @ValidateIf(isPresent)
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN_LENGTH,
    description:
      'Sets a new password and ends all sessions; not a common password, not built on the username or display name',
  })
  @ValidateIf(isPresent)
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Schools within your reach' })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  schoolIds?: string[];
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  schoolId?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Part of the username or display name, any case',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: SUPPORTED_LOCALES, enumName: 'Locale' }) locale: Locale;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) schoolIds: string[];
  @ApiProperty() createdAt: Date;

  static from(user: UserWithSchools): UserDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      email: user.email,
      locale: user.locale,
      disabled: user.disabled,
      schoolIds: user.schoolIds,
      createdAt: user.createdAt,
    };
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
