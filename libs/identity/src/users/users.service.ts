import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  decodeCursor,
  isUniqueViolation,
  NotAllowedError,
  Page,
  RuleViolationError,
  toPage,
} from '@app/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { scopeOf } from '../access/school-scope';
import { AuthService } from '../auth/auth.service';
import { SchoolMembership } from '../entities/school-membership.entity';
import { User } from '../entities/user.entity';
import { requireAcceptablePassword } from '../passwords/password-policy';
import { PasswordService } from '../passwords/password.service';
import { containsWord, likeLiteral, searchWords } from '../directory/name-search';
import type { Principal } from '../principal';
import type { Locale, Role } from '../roles';
import { addMemberships, insertAccount } from './accounts';
import { assignableRoles, membershipProblem } from './role-rules';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  schoolIds: string[];
  email?: string;
  locale?: Locale;
}

export interface UpdateUserInput {
  displayName?: string;
  email?: string | null;
  locale?: Locale;
  disabled?: boolean;
  password?: string;
  schoolIds?: string[];
}

export interface UserFilter {
  role?: Role;
  schoolId?: string;
  /** Part of the username or display name. */
  q?: string;
  limit: number;
  cursor?: string;
}

export type UserWithSchools = User & { schoolIds: string[] };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
  ) {}

  async create(principal: Principal, input: CreateUserInput): Promise<UserWithSchools> {
    if (!assignableRoles(principal.role).includes(input.role)) {
      throw new NotAllowedError(`A ${principal.role} may not create ${input.role} accounts`);
    }
    const schoolIds = [...new Set(input.schoolIds)];
    const problem = membershipProblem(input.role, schoolIds.length);
    if (problem) throw new RuleViolationError(problem);
    await this.access.require(principal, Permission.SchoolAdminister, schoolIds);
    requireAcceptablePassword('password', input.password, input);
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await insertAccount(
          manager,
          {
            districtId: principal.districtId,
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            email: input.email ?? null,
            locale: input.locale ?? 'en',
            passwordHash,
          },
          schoolIds,
        );
        return withSchools(user, schoolIds);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`Username ${input.username.toLowerCase()} is already taken`);
      }
      throw error;
    }
  }

  async list(principal: Principal, filter: UserFilter): Promise<Page<UserWithSchools>> {
    if (filter.schoolId)
      await this.access.require(principal, Permission.SchoolAdminister, filter.schoolId);
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .orderBy('user.username')
      .take(filter.limit + 1);
    if (principal.role === 'district_admin') {
      query.where('user.districtId = :districtId', { districtId: principal.districtId });
    } else {
      query
        .where(
          'EXISTS (SELECT 1 FROM school_memberships sm WHERE sm.user_id = user.id AND sm.school_id = ANY(:reach))',
          { reach: scopeOf(principal).schoolIds },
        )
        .andWhere("user.role <> 'district_admin'");
    }
    if (filter.schoolId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM school_memberships fm WHERE fm.user_id = user.id AND fm.school_id = :schoolId)',
        { schoolId: filter.schoolId },
      );
    }
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    searchWords(filter.q).forEach((word, index) => {
      query.andWhere(containsWord(`user.displayName || ' ' || user.username`, `:word${index}`), {
        [`word${index}`]: likeLiteral(word),
      });
    });
    if (filter.cursor) {
      const [username] = decodeCursor(filter.cursor, 1);
      query.andWhere('user.username > :username', { username });
    }
    const users = await query.getMany();
    const schools = await this.schoolIdsOf(
      this.dataSource.manager,
      users.map((user) => user.id),
    );
    return toPage(
      users,
      filter.limit,
      (user) => withSchools(user, schools.get(user.id) ?? []),
      (user) => [user.username],
    );
  }

  async update(principal: Principal, id: string, input: UpdateUserInput): Promise<UserWithSchools> {
    await this.access.require(principal, Permission.UserAdminister, id);
    if (input.disabled === true && id === principal.id) {
      throw new RuleViolationError('You cannot disable your own account');
    }
    if (input.schoolIds)
      await this.access.require(principal, Permission.SchoolAdminister, input.schoolIds);
    const passwordHash = input.password
      ? await this.acceptedHash(id, input.password, input.displayName)
      : undefined;
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const user = await users.findOneByOrFail({ id });
      if (input.displayName !== undefined) user.displayName = input.displayName;
      if (input.email !== undefined) user.email = input.email;
      if (input.locale !== undefined) user.locale = input.locale;
      if (input.disabled !== undefined) user.disabled = input.disabled;
      if (passwordHash) user.passwordHash = passwordHash;
      await users.save(user);
      if (input.schoolIds) await this.replaceMemberships(manager, user, input.schoolIds);
      if (input.disabled || passwordHash) await this.auth.revokeAllSessions(manager, user.id);
      const schools = await this.schoolIdsOf(manager, [user.id]);
      return withSchools(user, schools.get(user.id) ?? []);
    });
  }

  private async acceptedHash(id: string, password: string, displayName?: string) {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id });
    requireAcceptablePassword('password', password, {
      username: user.username,
      displayName: displayName ?? user.displayName,
    });
    return this.passwords.hash(password);
  }

  /** Every current membership is within the caller's reach (checked before): replace them all. */
  private async replaceMemberships(
    manager: EntityManager,
    user: User,
    schoolIds: string[],
  ): Promise<void> {
    const current = (await this.schoolIdsOf(manager, [user.id])).get(user.id) ?? [];
    const next = [...new Set(schoolIds)];
    const problem = membershipProblem(user.role, next.length);
    if (problem) throw new RuleViolationError(problem);
    const removed = current.filter((schoolId) => !next.includes(schoolId));
    if (removed.length > 0) {
      await manager
        .getRepository(SchoolMembership)
        .delete({ userId: user.id, schoolId: In(removed) });
    }
    await addMemberships(
      manager,
      user.id,
      next.filter((schoolId) => !current.includes(schoolId)),
    );
  }

  private async schoolIdsOf(
    manager: EntityManager,
    userIds: string[],
  ): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    if (userIds.length === 0) return byUser;
    const memberships = await manager
      .getRepository(SchoolMembership)
      .find({ where: { userId: In(userIds) }, order: { schoolId: 'ASC' } });
    for (const { userId, schoolId } of memberships) {
      byUser.set(userId, [...(byUser.get(userId) ?? []), schoolId]);
    }
    return byUser;
  }
}

function withSchools(user: User, schoolIds: string[]): UserWithSchools {
  return Object.assign(user, { schoolIds });
}
