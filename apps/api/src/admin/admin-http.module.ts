import { Module } from '@nestjs/common';
import { CaseworkModule } from '@app/casework';
import { IdentityModule } from '@app/identity';
import { GuardianshipsController } from './guardianships.controller';
import { SchoolsController } from './schools.controller';
import { UsersController } from './users.controller';

/** Schools, accounts and guardianships, for school and district administrators. */
@Module({
  imports: [IdentityModule, CaseworkModule],
  controllers: [SchoolsController, UsersController, GuardianshipsController],
})
export class AdminHttpModule {}
