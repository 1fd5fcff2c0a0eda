import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@app/identity';

export class TokenUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty() displayName: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken: string;
  @ApiProperty({ description: 'Single-use token for POST /auth/refresh' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: TokenUserDto }) user: TokenUserDto;
}
