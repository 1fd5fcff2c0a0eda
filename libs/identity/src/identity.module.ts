import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { AccessService } from './access/access.service';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_ISSUER,
} from './auth/access-token';
import { AuthService } from './auth/auth.service';
import { LoginGuardService } from './auth/login-guard.service';
import { PrincipalLoader } from './auth/principal.loader';
import { DemoSeedService } from './demo/demo-seed.service';
import { DirectoryService } from './directory/directory.service';
import { StudentDirectoryService } from './directory/student-directory.service';
import { identityEntities } from './entities';
import { GuardianshipsService } from './guardianships/guardianships.service';
import { PasswordService } from './passwords/password.service';
import { DistrictCrisisContactsService } from './schools/district-crisis-contacts.service';
import { SchoolsService } from './schools/schools.service';
import { ProfileService } from './users/profile.service';
import { UsersService } from './users/users.service';

const services = [
  AccessService,
  AuthService,
  DemoSeedService,
  DirectoryService,
  GuardianshipsService,
  LoginGuardService,
  PasswordService,
  PrincipalLoader,
  ProfileService,
  SchoolsService,
  DistrictCrisisContactsService,
  StudentDirectoryService,
  UsersService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(identityEntities),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: {
          algorithm: ACCESS_TOKEN_ALGORITHM,
          expiresIn: config.JWT_ACCESS_TTL_SECONDS,
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
        },
      }),
    }),
  ],
  providers: services,
  exports: services,
})
export class IdentityModule {}
