import { Module } from '@nestjs/common';
import { CaseworkModule } from '@app/casework';
import { IdentityModule } from '@app/identity';
import { DistrictsController } from './districts.controller';
import { GuardianshipsController } from './guardianships.controller';
import { SchoolsController } from './schools.controller';
import { UsersController } from './users.controller';

/** Schools, district crisis contacts, accounts and guardianships, for school and district administrators. */
@Module({
  imports: [IdentityModule, CaseworkModule],
  controllers: [SchoolsController, UsersController, GuardianshipsController, DistrictsController],
})
export class AdminHttpModule {}
