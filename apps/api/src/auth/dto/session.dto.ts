import { ApiProperty } from '@nestjs/swagger';
import { TokenUserDto } from './token-pair.dto';

/**
 * A browser session's answer: the access token for the Authorization header.
 * The refresh token travels only in the HttpOnly `ss_refresh` cookie.
 */
export class SessionDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: TokenUserDto }) user: TokenUserDto;
}
