import { EntityManager } from 'typeorm';
import { SchoolMembership } from '../entities/school-membership.entity';
import { User } from '../entities/user.entity';
import type { Locale, Role } from '../roles';

export interface NewAccount {
  districtId: string;
  username: string;
  displayName: string;
  role: Role;
  email: string | null;
  locale: Locale;
  passwordHash: string;
}

/** Writes a new account (username in lower case) and its schools, with the caller's transaction. */
export async function insertAccount(
  manager: EntityManager,
  account: NewAccount,
  schoolIds: string[],
): Promise<User> {
  const users = manager.getRepository(User);
  const user = await users.save(
    users.create({ ...account, username: account.username.toLowerCase() }),
  );
  await addMemberships(manager, user.id, schoolIds);
  return user;
}

export async function addMemberships(
  manager: EntityManager,
  userId: string,
  schoolIds: string[],
): Promise<void> {
  if (schoolIds.length === 0) return;
  await manager
    .getRepository(SchoolMembership)
    .insert(schoolIds.map((schoolId) => ({ userId, schoolId })));
}
