import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Guardianship, GuardianshipView } from '@app/identity';

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

  static from(guardianship: Omit<Guardianship, 'parent' | 'student'>): GuardianshipDto {
    return {
      id: guardianship.id,
      parentId: guardianship.parentId,
      studentId: guardianship.studentId,
      verified: guardianship.verified,
      createdAt: guardianship.createdAt,
    };
  }
}

/** Send exactly one: a student's guardians, or a parent's children. */
export class GuardianshipQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The student whose guardians to list' })
  @IsOptional()
  @IsUUID('all')
  studentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The parent whose children to list' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;
}

class GuardianshipPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class GuardianshipListItemDto extends GuardianshipDto {
  @ApiProperty({ type: GuardianshipPersonDto }) parent: GuardianshipPersonDto;
  @ApiProperty({ type: GuardianshipPersonDto }) student: GuardianshipPersonDto;

  static fromView(view: GuardianshipView): GuardianshipListItemDto {
    return { ...GuardianshipDto.from(view), parent: view.parent, student: view.student };
  }
}

export class GuardianshipListDto {
  @ApiProperty({ type: [GuardianshipListItemDto] }) items: GuardianshipListItemDto[];
}
