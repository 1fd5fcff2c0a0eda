import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StudentsController } from './students.controller';

/** The student directory, for the staff of a school. */
@Module({
  imports: [IdentityModule],
  controllers: [StudentsController],
})
export class StudentsHttpModule {}
