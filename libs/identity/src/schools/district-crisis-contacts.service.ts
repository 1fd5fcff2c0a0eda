import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { District } from '../entities/district.entity';
import type { Principal } from '../principal';
import { normaliseCrisisContacts, type CrisisContact } from './crisis-contacts';

export interface DistrictCrisisContacts {
  districtId: string;
  crisisContacts: CrisisContact[];
}

/**
 * A district's crisis contacts: shown (on the public page, in filing answers,
 * in after-hours replies) for each of its schools that lists none of its own.
 * Only the district's administrators read and change them.
 */
@Injectable()
export class DistrictCrisisContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async get(principal: Principal, districtId: string): Promise<DistrictCrisisContacts> {
    await this.access.require(principal, Permission.DistrictCrisisContacts, districtId);
    const district = await this.dataSource
      .getRepository(District)
      .findOneByOrFail({ id: districtId });
    return { districtId, crisisContacts: district.crisisContacts };
  }

  /** Replaces the whole list. */
  async replace(
    principal: Principal,
    districtId: string,
    contacts: { name: string; phone: string; hours?: string | null }[],
  ): Promise<DistrictCrisisContacts> {
    await this.access.require(principal, Permission.DistrictCrisisContacts, districtId);
    const crisisContacts = normaliseCrisisContacts(contacts);
    await this.dataSource.getRepository(District).update({ id: districtId }, { crisisContacts });
    return { districtId, crisisContacts };
  }
}
