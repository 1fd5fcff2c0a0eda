import { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolCalendar1796186959726 implements MigrationInterface {
  name = 'SchoolCalendar1796186959726';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "days_off" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "school_id" uuid, "name" character varying(100) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_days_off_name" CHECK (char_length("name") BETWEEN 1 AND 100), CONSTRAINT "chk_days_off_range" CHECK ("ends_on" >= "starts_on" AND "ends_on" - "starts_on" < 120), CONSTRAINT "PK_84e8ee130cd92f7ed08c7aac8b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2a425211d2b78eb638546063bb" ON "days_off"  ("district_id", "starts_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_60a12d9097221cd9ffa4d214b3" ON "days_off"  ("school_id", "starts_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "school_years" ("school_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "next_starts_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_school_years_next" CHECK ("next_starts_on" IS NULL OR "next_starts_on" > "ends_on"), CONSTRAINT "chk_school_years_order" CHECK ("ends_on" > "starts_on" AND "ends_on" - "starts_on" <= 400), CONSTRAINT "PK_62ee0b979cbcf9ff4f7e4e82015" PRIMARY KEY ("school_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "days_off" ADD CONSTRAINT "FK_ddcd8680e1c0ac4ab1f4cfd6917" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "days_off" ADD CONSTRAINT "FK_5231dcd62413483432f5be906b1" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_years" ADD CONSTRAINT "FK_62ee0b979cbcf9ff4f7e4e82015" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "school_years" DROP CONSTRAINT "FK_62ee0b979cbcf9ff4f7e4e82015"`,
    );
    await queryRunner.query(
      `ALTER TABLE "days_off" DROP CONSTRAINT "FK_5231dcd62413483432f5be906b1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "days_off" DROP CONSTRAINT "FK_ddcd8680e1c0ac4ab1f4cfd6917"`,
    );
    await queryRunner.query(`DROP TABLE "school_years"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_60a12d9097221cd9ffa4d214b3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2a425211d2b78eb638546063bb"`);
    await queryRunner.query(`DROP TABLE "days_off"`);
  }
}
