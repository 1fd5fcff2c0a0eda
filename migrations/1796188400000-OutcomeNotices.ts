import { MigrationInterface, QueryRunner } from 'typeorm';

/** The school's outcome notice to each involved family (the guardians of one linked student). */
export class OutcomeNotices1796188400000 implements MigrationInterface {
  name = 'OutcomeNotices1796188400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outcome_notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "student_id" uuid NOT NULL, "summary" text NOT NULL, "sent_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_outcome_notices_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aa35b4f35f6ebb7740150f08d3" ON "outcome_notices" ("incident_id", "student_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "outcome_notices" ADD CONSTRAINT "FK_d5f26549d7c913cdaca220de191" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outcome_notices"`);
  }
}
