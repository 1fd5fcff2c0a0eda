import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  narrowScope,
  Permission,
  scopeOf,
  StudentDirectoryService,
  type Principal,
} from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import {
  DirectoryStudentDto,
  DirectoryStudentPageDto,
  StudentSearchQueryDto,
} from './dto/student-directory.dto';

@ApiTags('students')
@ApiBearerAuth()
@RequirePermission(Permission.StudentDirectory)
@Controller('students')
export class StudentsController {
  constructor(private readonly directory: StudentDirectoryService) {}

  @Get()
  @ApiOperation({
    summary: 'Find students of your schools by name or username (staff, counselors, school admins)',
    description:
      'To open a student’s history, or to link a party of a report to the student record. Matches ignore case and accents; pages of `?limit=` (default 20, max 100) with `?cursor=`, by name.',
  })
  @ApiOkResponse({ type: DirectoryStudentPageDto })
  search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StudentSearchQueryDto,
  ): Promise<DirectoryStudentPageDto> {
    return this.directory.search(narrowScope(scopeOf(principal), query.schoolId), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One student of your schools: name, username, grade, school' })
  @ApiOkResponse({ type: DirectoryStudentDto })
  find(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<DirectoryStudentDto> {
    return this.directory.find(scopeOf(principal), id);
  }
}
