import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@app/identity';

class ProfileSchoolDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class ProfileChildDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolId: string | null;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: [ProfileSchoolDto] }) schools: ProfileSchoolDto[];
  @ApiProperty({ type: [ProfileChildDto] }) children: ProfileChildDto[];
}
