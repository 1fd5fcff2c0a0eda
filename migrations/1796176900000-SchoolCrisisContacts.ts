import { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolCrisisContacts1796176900000 implements MigrationInterface {
  name = 'SchoolCrisisContacts1796176900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "schools" ADD "crisis_contacts" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `ALTER TABLE "schools" ADD CONSTRAINT "chk_schools_crisis_contacts" CHECK (jsonb_typeof("crisis_contacts") = 'array' AND jsonb_array_length("crisis_contacts") <= 10)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schools" DROP CONSTRAINT "chk_schools_crisis_contacts"`);
    await queryRunner.query(`ALTER TABLE "schools" DROP COLUMN "crisis_contacts"`);
  }
}
