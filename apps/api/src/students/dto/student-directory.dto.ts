import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/common';
import type { DirectoryStudent } from '@app/identity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `GET /students?q=&schoolId=&limit=&cursor=` */
export class StudentSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'sam car',
    description:
      'Words of the name or the username, any case, with or without accents; every word must appear. Empty or missing: every student, by name',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this one of your schools' })
  @IsOptional()
  @IsUUID('all')
  schoolId?: string;
}

export class DirectoryStudentDto implements DirectoryStudent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Sam Carter' }) displayName: string;
  @ApiProperty({ example: 'student.sam' }) username: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '7',
    description: 'The school grade, when the school recorded it',
  })
  grade: string | null;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: 'Maple Ridge Middle School' }) schoolName: string;
}

export class DirectoryStudentPageDto {
  @ApiProperty({ type: [DirectoryStudentDto], description: 'By name' })
  items: DirectoryStudentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
