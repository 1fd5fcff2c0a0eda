import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795623064446 implements MigrationInterface {
  name = 'Notifications1795623064446';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "email_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outbox_id" uuid NOT NULL, "user_id" uuid NOT NULL, "incident_id" uuid, "family" boolean NOT NULL DEFAULT false, "to_address" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_email_deliveries_status" CHECK ("status" IN ('pending', 'sent', 'dead')), CONSTRAINT "PK_aa4e94683dafee7c55aaeb9f59d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_52223203035520585c5bcbfada" ON "email_deliveries"  ("status", "available_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_266c3d2389ed1331ef2589c912" ON "email_deliveries"  ("outbox_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "outbox_id" uuid NOT NULL, "type" character varying(64) NOT NULL, "incident_id" uuid, "title" character varying(300) NOT NULL, "body" text NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3544938d7124ddd03fcb54431b" ON "notifications"  ("outbox_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deadline_notices" ("incident_id" uuid NOT NULL, "deadline" character varying(16) NOT NULL, "kind" character varying(16) NOT NULL, "school_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_deadline_notices_kind" CHECK ("kind" IN ('reminder', 'overdue')), CONSTRAINT "chk_deadline_notices_deadline" CHECK ("deadline" IN ('triage', 'resolve')), CONSTRAINT "PK_9ca18768842c41e86cce921853b" PRIMARY KEY ("incident_id", "deadline", "kind"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_open_due" ON "incidents"  ("due_at") WHERE "status" IN ('submitted', 'triaged', 'investigating')`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_deliveries" ADD CONSTRAINT "FK_4219b46dc8a092565df90ee4fa1" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_deliveries" ADD CONSTRAINT "FK_79e669814822b882b3766a71543" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_25647b9aa150108580a3c2d00d3" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deadline_notices" ADD CONSTRAINT "FK_fc9655fa247c22a3fd5abe2ad2b" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deadline_notices" DROP CONSTRAINT "FK_fc9655fa247c22a3fd5abe2ad2b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_25647b9aa150108580a3c2d00d3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_deliveries" DROP CONSTRAINT "FK_79e669814822b882b3766a71543"`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_deliveries" DROP CONSTRAINT "FK_4219b46dc8a092565df90ee4fa1"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_open_due"`);
    await queryRunner.query(`DROP TABLE "deadline_notices"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3544938d7124ddd03fcb54431b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_266c3d2389ed1331ef2589c912"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52223203035520585c5bcbfada"`);
    await queryRunner.query(`DROP TABLE "email_deliveries"`);
  }
}
