import { MigrationInterface, QueryRunner } from 'typeorm';

export class Casework1795622261296 implements MigrationInterface {
  name = 'Casework1795622261296';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "incident_id" uuid, "actor_id" uuid, "action" character varying(64) NOT NULL, "request_id" character varying(64), "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c7d3ae3160ef4430133acbe742" ON "audit_log"  ("actor_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b8bad7b3a79a9e7a5242eee29f" ON "audit_log"  ("incident_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_99b657bee63f1b1a392b0c9e7f" ON "audit_log"  ("school_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(64) NOT NULL, "school_id" uuid NOT NULL, "incident_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "processed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_outbox_status" CHECK ("status" IN ('pending', 'delivered', 'dead')), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d97ae2872ebd4c3d847292ef6" ON "outbox"  ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9a52a6dc247b1f2312ac9e2871" ON "outbox"  ("status", "available_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "description" text NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_incident_actions_type" CHECK ("type" IN ('counseling_session', 'parent_conference', 'safety_plan', 'supervision_change', 'disciplinary_referral', 'peer_mediation', 'law_enforcement_referral', 'other')), CONSTRAINT "PK_956c109342f7623717fa48b9874" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97506c7af38ed45ec7f6a5791e" ON "incident_actions"  ("incident_id", "taken_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "author_id" uuid NOT NULL, "visibility" character varying(16) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_incident_notes_visibility" CHECK ("visibility" IN ('internal', 'shared')), CONSTRAINT "PK_213673177d807c19f3081e18b2e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e2396a6b48c3513f9b75f46baf" ON "incident_notes"  ("incident_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "incidents" ADD "dismissal_reason" character varying(16)`);
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD "priority" smallint GENERATED ALWAYS AS (CASE WHEN "severity" = 'critical' THEN 0 ELSE 1 END) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), $1, $2, $3, $4, $5)`,
      [
        'public',
        'incidents',
        'GENERATED_COLUMN',
        'priority',
        'CASE WHEN "severity" = \'critical\' THEN 0 ELSE 1 END',
      ],
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD "due_at" TIMESTAMP WITH TIME ZONE GENERATED ALWAYS AS (CASE WHEN "status" = 'submitted' THEN "triage_due_at" WHEN "status" IN ('triaged', 'investigating') THEN "resolve_due_at" ELSE 'infinity'::timestamptz END) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), $1, $2, $3, $4, $5)`,
      [
        'public',
        'incidents',
        'GENERATED_COLUMN',
        'due_at',
        'CASE WHEN "status" = \'submitted\' THEN "triage_due_at" WHEN "status" IN (\'triaged\', \'investigating\') THEN "resolve_due_at" ELSE \'infinity\'::timestamptz END',
      ],
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "reference" || ' ' || "description")) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), $1, $2, $3, $4, $5)`,
      [
        'public',
        'incidents',
        'GENERATED_COLUMN',
        'search_vector',
        'to_tsvector(\'simple\', "reference" || \' \' || "description")',
      ],
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_queue_by_assignee" ON "incidents"  ("assignee_id", "priority", "due_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_queue_by_status" ON "incidents"  ("school_id", "status", "priority", "due_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_queue" ON "incidents"  ("school_id", "priority", "due_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "chk_incidents_dismissal_reason" CHECK ("dismissal_reason" IN ('prank', 'duplicate', 'other'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD CONSTRAINT "FK_e1d8bebf474204490618820c573" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" ADD CONSTRAINT "FK_acf8831f1fc673b73263aeb7396" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_notes" ADD CONSTRAINT "FK_8bdc122a0f28fd8ab809920b1f1" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_notes" ADD CONSTRAINT "FK_3279074119d877fef8441729c7e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Written by hand: what entities cannot express.
    // Full-text search for the queue's ?q= (TypeORM has no GIN index type).
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_search" ON "incidents" USING GIN ("search_vector")`,
    );
    // The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
    await queryRunner.query(
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_log"
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_update_or_delete ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_search"`);
    await queryRunner.query(
      `ALTER TABLE "incident_notes" DROP CONSTRAINT "FK_3279074119d877fef8441729c7e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_notes" DROP CONSTRAINT "FK_8bdc122a0f28fd8ab809920b1f1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" DROP CONSTRAINT "FK_acf8831f1fc673b73263aeb7396"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_actions" DROP CONSTRAINT "FK_e1d8bebf474204490618820c573"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" DROP CONSTRAINT "chk_incidents_dismissal_reason"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue_by_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue_by_assignee"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`,
      ['GENERATED_COLUMN', 'search_vector', 'public', 'incidents'],
    );
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "search_vector"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`,
      ['GENERATED_COLUMN', 'due_at', 'public', 'incidents'],
    );
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "due_at"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`,
      ['GENERATED_COLUMN', 'priority', 'public', 'incidents'],
    );
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "priority"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "dismissal_reason"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e2396a6b48c3513f9b75f46baf"`);
    await queryRunner.query(`DROP TABLE "incident_notes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97506c7af38ed45ec7f6a5791e"`);
    await queryRunner.query(`DROP TABLE "incident_actions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a52a6dc247b1f2312ac9e2871"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d97ae2872ebd4c3d847292ef6"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99b657bee63f1b1a392b0c9e7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8bad7b3a79a9e7a5242eee29f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c7d3ae3160ef4430133acbe742"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
