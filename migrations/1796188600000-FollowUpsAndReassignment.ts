import { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowUpsAndReassignment1796188600000 implements MigrationInterface {
  name = 'FollowUpsAndReassignment1796188600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD "status" character varying(16) NOT NULL DEFAULT 'done'`,
    );
    await queryRunner.query(`ALTER TABLE "incident_actions" ADD "scheduled_for" date`);
    await queryRunner.query(`ALTER TABLE "incident_actions" ADD "owner_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD "reminded_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "incident_actions" ADD "cancel_reason" text`);
    await queryRunner.query(`ALTER TABLE "incident_actions" ALTER COLUMN "taken_at" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "idx_incident_actions_owner" ON "incident_actions"  ("owner_id") WHERE "status" = 'planned'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incident_actions_planned" ON "incident_actions"  ("scheduled_for") WHERE "status" = 'planned'`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD CONSTRAINT "chk_incident_actions_state" CHECK (("status" = 'done' AND "taken_at" IS NOT NULL) OR ("status" <> 'done' AND "taken_at" IS NULL AND "scheduled_for" IS NOT NULL AND "owner_id" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD CONSTRAINT "chk_incident_actions_status" CHECK ("status" IN ('done', 'planned', 'cancelled'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD CONSTRAINT "FK_a1b8e83f7dcad3f43f302b17257" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_actions" DROP CONSTRAINT "FK_a1b8e83f7dcad3f43f302b17257"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" DROP CONSTRAINT "chk_incident_actions_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" DROP CONSTRAINT "chk_incident_actions_state"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_incident_actions_planned"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incident_actions_owner"`);
    await queryRunner.query(`ALTER TABLE "incident_actions" ALTER COLUMN "taken_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "incident_actions" DROP COLUMN "cancel_reason"`);
    await queryRunner.query(`ALTER TABLE "incident_actions" DROP COLUMN "cancelled_at"`);
    await queryRunner.query(`ALTER TABLE "incident_actions" DROP COLUMN "reminded_at"`);
    await queryRunner.query(`ALTER TABLE "incident_actions" DROP COLUMN "owner_id"`);
    await queryRunner.query(`ALTER TABLE "incident_actions" DROP COLUMN "scheduled_for"`);
    await queryRunner.query(`ALTER TABLE "incident_actions" DROP COLUMN "status"`);
  }
}
