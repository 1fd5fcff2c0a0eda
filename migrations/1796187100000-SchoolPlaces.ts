import { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolPlaces1796187100000 implements MigrationInterface {
  name = 'SchoolPlaces1796187100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schools" ADD "places" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `ALTER TABLE "schools" ADD CONSTRAINT "chk_schools_places" CHECK (jsonb_typeof("places") = 'array' AND jsonb_array_length("places") <= 50)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schools" DROP CONSTRAINT "chk_schools_places"`);
    await queryRunner.query(`ALTER TABLE "schools" DROP COLUMN "places"`);
  }
}
