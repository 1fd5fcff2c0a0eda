import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { Guardianship } from '@app/identity';

export class CreateGuardianshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  parentId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  studentId: string;
}

export class GuardianshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) parentId: string;
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty() verified: boolean;
  @ApiProperty() createdAt: Date;

  static from(guardianship: Guardianship): GuardianshipDto {
    return {
      id: guardianship.id,
      parentId: guardianship.parentId,
      studentId: guardianship.studentId,
      verified: guardianship.verified,
      createdAt: guardianship.createdAt,
    };
  }
}
