import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, isUniqueViolation, RuleViolationError } from '@app/common';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { Guardianship } from '../entities/guardianship.entity';
import { User } from '../entities/user.entity';
import type { Principal } from '../principal';

@Injectable()
export class GuardianshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async create(principal: Principal, parentId: string, studentId: string): Promise<Guardianship> {
    await this.access.require(principal, Permission.ParentLink, parentId);
    await this.access.require(principal, Permission.UserAdminister, studentId);
    const users = await this.dataSource
      .getRepository(User)
      .findBy({ id: In([parentId, studentId]) });
    const roleOf = (id: string) => users.find((user) => user.id === id)?.role;
    if (roleOf(parentId) !== 'parent') {
      throw new RuleViolationError('parentId must be the id of a parent account');
    }
    if (roleOf(studentId) !== 'student') {
      throw new RuleViolationError('studentId must be the id of a student account');
    }
    const repository = this.dataSource.getRepository(Guardianship);
    try {
      return await repository.save(repository.create({ parentId, studentId, verified: true }));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('This parent is already a guardian of this student');
      }
      throw error;
    }
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.access.require(principal, Permission.GuardianshipAdminister, id);
    await this.dataSource.getRepository(Guardianship).delete({ id });
  }
}
