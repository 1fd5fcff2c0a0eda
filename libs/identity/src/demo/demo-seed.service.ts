import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { District } from '../entities/district.entity';
import { Guardianship } from '../entities/guardianship.entity';
import { School } from '../entities/school.entity';
import { SchoolMembership } from '../entities/school-membership.entity';
import { User } from '../entities/user.entity';
import { PasswordService } from '../passwords/password.service';
import {
  DEMO_CRISIS_CONTACTS,
  DEMO_ON_CALL_CONTACTS,
  DEMO_DISTRICT,
  DEMO_SCHOOLS,
  DEMO_TIME_ZONE,
  DEMO_USERS,
} from './demo-data';

const SEED_LOCK_KEY = 7_240_114;

/** Seeds the demo district on an empty database; does nothing on any other. */
@Injectable()
export class DemoSeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  /** Returns true when it seeded, false when the database already held a district. */
  async seedIfEmpty(password: string): Promise<boolean> {
    if (await this.dataSource.getRepository(District).exists()) return false;
    const hashes = await Promise.all(DEMO_USERS.map(() => this.passwords.hash(password)));
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if (await manager.getRepository(District).exists()) return false;
      const district = await manager.getRepository(District).save({ name: DEMO_DISTRICT });
      const schools = new Map<string, School>();
      for (const school of DEMO_SCHOOLS) {
        schools.set(
          school.key,
          await manager.getRepository(School).save({
            districtId: district.id,
            name: school.name,
            code: school.code,
            timeZone: DEMO_TIME_ZONE,
            holidays: [],
            triageSchoolDays: 1,
            resolveSchoolDays: 10,
            crisisContacts: DEMO_CRISIS_CONTACTS[school.key],
            onCallContacts: DEMO_ON_CALL_CONTACTS[school.key],
          }),
        );
      }
      const users = new Map<string, User>();
      for (const [index, demo] of DEMO_USERS.entries()) {
        const user = await manager.getRepository(User).save({
          districtId: district.id,
          username: demo.username,
          displayName: demo.displayName,
          role: demo.role,
          email: `${demo.username}@riverside.example`,
          locale: demo.locale ?? 'en',
          grade: demo.grade ?? null,
          passwordHash: hashes[index],
        });
        users.set(demo.username, user);
        if (demo.school) {
          await manager
            .getRepository(SchoolMembership)
            .insert({ userId: user.id, schoolId: schools.get(demo.school)!.id });
        }
      }
      for (const demo of DEMO_USERS.filter((candidate) => candidate.guardianOf)) {
        await manager.getRepository(Guardianship).insert({
          parentId: users.get(demo.username)!.id,
          studentId: users.get(demo.guardianOf!)!.id,
          verified: true,
        });
      }
      return true;
    });
  }

  /** Whether the demo district is present, so start-up can print its logins. */
  hasDemoData(): Promise<boolean> {
    return this.dataSource.getRepository(District).existsBy({ name: DEMO_DISTRICT });
  }
}
