import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * School hours and on-call contacts per school, crisis contacts per district,
 * the anonymous reporter's language, the school's automatic replies in
 * threads (`system` messages), and e-mails to plain addresses (on-call).
 */
export class SchoolHoursAndAfterHours1796188200000 implements MigrationInterface {
  name = 'SchoolHoursAndAfterHours1796188200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "schools" ADD "school_hours" jsonb NOT NULL DEFAULT '{"opens": "08:00", "closes": "15:30"}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "schools" ADD "on_call_contacts" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `ALTER TABLE "schools" ADD CONSTRAINT "chk_schools_school_hours" CHECK (jsonb_typeof("school_hours") = 'object' AND "school_hours" ?& ARRAY['opens', 'closes'])`,
    );
    await queryRunner.query(
      `ALTER TABLE "schools" ADD CONSTRAINT "chk_schools_on_call_contacts" CHECK (jsonb_typeof("on_call_contacts") = 'array' AND jsonb_array_length("on_call_contacts") <= 5)`,
    );
    await queryRunner.query(
      `ALTER TABLE "districts" ADD "crisis_contacts" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `ALTER TABLE "districts" ADD CONSTRAINT "chk_districts_crisis_contacts" CHECK (jsonb_typeof("crisis_contacts") = 'array' AND jsonb_array_length("crisis_contacts") <= 10)`,
    );
    await queryRunner.query(`ALTER TABLE "incidents" ADD "reporter_locale" character varying(2)`);
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "chk_incidents_reporter_locale" CHECK ("reporter_locale" IN ('en', 'es'))`,
    );
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "chk_messages_author_kind"`);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "chk_messages_author_kind" CHECK ("author_kind" IN ('staff', 'reporter', 'family', 'anonymous', 'system'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD "automatic_until" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "email_deliveries" ALTER COLUMN "user_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_email_deliveries_outbox_address" ON "email_deliveries" ("outbox_id", "to_address") WHERE "user_id" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_email_deliveries_outbox_address"`);
    await queryRunner.query(`DELETE FROM "email_deliveries" WHERE "user_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "email_deliveries" ALTER COLUMN "user_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "automatic_until"`);
    await queryRunner.query(`DELETE FROM "messages" WHERE "author_kind" = 'system'`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "chk_messages_author_kind"`);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "chk_messages_author_kind" CHECK ("author_kind" IN ('staff', 'reporter', 'family', 'anonymous'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" DROP CONSTRAINT "chk_incidents_reporter_locale"`,
    );
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "reporter_locale"`);
    await queryRunner.query(
      `ALTER TABLE "districts" DROP CONSTRAINT "chk_districts_crisis_contacts"`,
    );
    await queryRunner.query(`ALTER TABLE "districts" DROP COLUMN "crisis_contacts"`);
    await queryRunner.query(`ALTER TABLE "schools" DROP CONSTRAINT "chk_schools_on_call_contacts"`);
    await queryRunner.query(`ALTER TABLE "schools" DROP CONSTRAINT "chk_schools_school_hours"`);
    await queryRunner.query(`ALTER TABLE "schools" DROP COLUMN "on_call_contacts"`);
    await queryRunner.query(`ALTER TABLE "schools" DROP COLUMN "school_hours"`);
  }
}
