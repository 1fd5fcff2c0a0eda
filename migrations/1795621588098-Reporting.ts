import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reporting1795621588098 implements MigrationInterface {
  name = 'Reporting1795621588098';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "district_id" uuid NOT NULL, "reference" character varying(40) NOT NULL, "reporter_id" uuid, "reporter_kind" character varying(16) NOT NULL, "on_behalf_of_student_id" uuid, "category" character varying(32) NOT NULL, "location" character varying(32) NOT NULL, "location_detail" character varying(200), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ongoing" boolean NOT NULL DEFAULT false, "description" text NOT NULL, "urgent" boolean NOT NULL DEFAULT false, "escalation_reasons" text array NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL DEFAULT 'submitted', "severity" character varying(16), "assignee_id" uuid, "triage_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolve_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(32), "resolution_summary" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_incidents_anonymous_has_no_reporter" CHECK (("reporter_kind" = 'anonymous') = ("reporter_id" IS NULL)), CONSTRAINT "chk_incidents_outcome" CHECK ("outcome" IN ('substantiated', 'unsubstantiated', 'inconclusive')), CONSTRAINT "chk_incidents_reporter_kind" CHECK ("reporter_kind" IN ('student', 'parent', 'staff', 'anonymous')), CONSTRAINT "chk_incidents_severity" CHECK ("severity" IN ('low', 'medium', 'high', 'critical')), CONSTRAINT "chk_incidents_status" CHECK ("status" IN ('submitted', 'triaged', 'investigating', 'resolved', 'closed', 'dismissed')), CONSTRAINT "chk_incidents_location" CHECK ("location" IN ('classroom', 'hallway', 'cafeteria', 'playground', 'bus', 'restroom', 'locker_room', 'gym', 'online', 'off_campus', 'other')), CONSTRAINT "chk_incidents_category" CHECK ("category" IN ('verbal', 'physical', 'social', 'cyber', 'sexual_harassment', 'discrimination', 'threat', 'property', 'other')), CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b6b40198c4f844de672bc96109" ON "incidents"  ("district_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7c1535ac82eb2552e0000721e7" ON "incidents"  ("reference") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_997933e2e9897cd680e453805c" ON "incidents"  ("reporter_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4715d64caa948495292b265d63" ON "incidents"  ("on_behalf_of_student_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f5b7bac47f440e29157ddf91ff" ON "incidents"  ("assignee_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ca7565cd63fe912263d40e301d" ON "incidents"  ("school_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "anonymous_access" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc65c279f5249b34267c8b73f09" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7e2845fc57698282f2d2fb1632" ON "anonymous_access"  ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c67cbf2cac72fb10f375ccec16" ON "anonymous_access"  ("code_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "uploaded_by_id" uuid, "file_name" character varying(160) NOT NULL, "content_type" character varying(64) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f306a9b7bd7e77c0faa1d30401" ON "attachments"  ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "response_status" smallint NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5e72f040fdc5efc8eef52a388c" ON "idempotency_keys"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_392b1af86f210d98d3f0c76472" ON "idempotency_keys"  ("user_id", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_counters" ("school_id" uuid NOT NULL, "year" smallint NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_9eb01a0ff4e637a80d58c49e524" PRIMARY KEY ("school_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "actor_id" uuid, "visibility" character varying(16) NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_incident_events_visibility" CHECK ("visibility" IN ('internal', 'shared')), CONSTRAINT "PK_1230e0a50df3503eed115634297" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3b4389a6e18d2c3e91f3910014" ON "incident_events"  ("incident_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "student_id" uuid, "name" character varying(200), "note" character varying(1000), CONSTRAINT "chk_incident_parties_identified" CHECK ("student_id" IS NOT NULL OR "name" IS NOT NULL), CONSTRAINT "chk_incident_parties_role" CHECK ("role" IN ('target', 'aggressor', 'witness')), CONSTRAINT "PK_9781b4e46815a8bbfff142c2f68" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_27b2f9e752d4ba2f18dc8370f0" ON "incident_parties"  ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b37ccbe90f51a76ecfd77fe14d" ON "incident_parties"  ("student_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "thread_student_id" uuid, "author_id" uuid, "author_kind" character varying(16) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_messages_author_kind" CHECK ("author_kind" IN ('staff', 'reporter', 'family', 'anonymous')), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ef2fb3b257a7177bbd73c0c658" ON "messages"  ("incident_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_e9037d88cb41da1bab1ed6cd050" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_997933e2e9897cd680e453805ca" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_4715d64caa948495292b265d63f" FOREIGN KEY ("on_behalf_of_student_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_f5b7bac47f440e29157ddf91ffd" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "anonymous_access" ADD CONSTRAINT "FK_7e2845fc57698282f2d2fb1632f" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "FK_f306a9b7bd7e77c0faa1d304013" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ADD CONSTRAINT "FK_4d2181624ba2d61e76a07175198" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_events" ADD CONSTRAINT "FK_390f216bd2d62482f4a2602b5e8" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_parties" ADD CONSTRAINT "FK_27b2f9e752d4ba2f18dc8370f04" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_parties" ADD CONSTRAINT "FK_b37ccbe90f51a76ecfd77fe14d4" FOREIGN KEY ("student_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_33b07ff7987365ece83be2d9b62" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_33b07ff7987365ece83be2d9b62"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_parties" DROP CONSTRAINT "FK_b37ccbe90f51a76ecfd77fe14d4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_parties" DROP CONSTRAINT "FK_27b2f9e752d4ba2f18dc8370f04"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_events" DROP CONSTRAINT "FK_390f216bd2d62482f4a2602b5e8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" DROP CONSTRAINT "FK_4d2181624ba2d61e76a07175198"`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" DROP CONSTRAINT "FK_f306a9b7bd7e77c0faa1d304013"`,
    );
    await queryRunner.query(
      `ALTER TABLE "anonymous_access" DROP CONSTRAINT "FK_7e2845fc57698282f2d2fb1632f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" DROP CONSTRAINT "FK_f5b7bac47f440e29157ddf91ffd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" DROP CONSTRAINT "FK_4715d64caa948495292b265d63f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" DROP CONSTRAINT "FK_997933e2e9897cd680e453805ca"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" DROP CONSTRAINT "FK_e9037d88cb41da1bab1ed6cd050"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_ef2fb3b257a7177bbd73c0c658"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b37ccbe90f51a76ecfd77fe14d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_27b2f9e752d4ba2f18dc8370f0"`);
    await queryRunner.query(`DROP TABLE "incident_parties"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b4389a6e18d2c3e91f3910014"`);
    await queryRunner.query(`DROP TABLE "incident_events"`);
    await queryRunner.query(`DROP TABLE "incident_counters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_392b1af86f210d98d3f0c76472"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e72f040fdc5efc8eef52a388c"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f306a9b7bd7e77c0faa1d30401"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c67cbf2cac72fb10f375ccec16"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e2845fc57698282f2d2fb1632"`);
    await queryRunner.query(`DROP TABLE "anonymous_access"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ca7565cd63fe912263d40e301d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f5b7bac47f440e29157ddf91ff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4715d64caa948495292b265d63"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_997933e2e9897cd680e453805c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7c1535ac82eb2552e0000721e7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b6b40198c4f844de672bc96109"`);
    await queryRunner.query(`DROP TABLE "incidents"`);
  }
}
