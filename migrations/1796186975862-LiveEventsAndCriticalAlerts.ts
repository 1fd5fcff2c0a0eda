import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveEventsAndCriticalAlerts1796186975862 implements MigrationInterface {
  name = 'LiveEventsAndCriticalAlerts1796186975862';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "critical_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "school_id" uuid NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by_id" uuid, "escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_21c9183e2761301e63971048cd8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c8b6e75e6d89caebbdfbb91267" ON "critical_alerts"  ("school_id", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_critical_alerts_open_incident" ON "critical_alerts"  ("incident_id") WHERE "acknowledged_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "live_events" ("id" BIGSERIAL NOT NULL, "school_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "incident_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_ff25dc1ee3cb53cbfbfae3e1ae9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_80db066152cbc0e500d6ab3763" ON "live_events"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b3e2968eb282a999e4e2f45e3f" ON "live_events"  ("school_id", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "critical_alerts" ADD CONSTRAINT "FK_7e557bb51435a9cac02e63acb84" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // By hand: every API process LISTENs on 'live_events'; NOTIFY is delivered when the
    // transaction that wrote the event commits, and not at all when it rolls back.
    await queryRunner.query(`CREATE FUNCTION "notify_live_event"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('live_events', json_build_object(
          'id', NEW.id::text, 'kind', NEW.kind, 'schoolId', NEW.school_id,
          'incidentId', NEW.incident_id, 'payload', NEW.payload, 'createdAt', NEW.created_at)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "live_events_notify" AFTER INSERT ON "live_events" FOR EACH ROW EXECUTE FUNCTION "notify_live_event"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "live_events_notify" ON "live_events"`);
    await queryRunner.query(`DROP FUNCTION "notify_live_event"()`);
    await queryRunner.query(
      `ALTER TABLE "critical_alerts" DROP CONSTRAINT "FK_7e557bb51435a9cac02e63acb84"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_b3e2968eb282a999e4e2f45e3f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_80db066152cbc0e500d6ab3763"`);
    await queryRunner.query(`DROP TABLE "live_events"`);
    await queryRunner.query(`DROP INDEX "public"."uq_critical_alerts_open_incident"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c8b6e75e6d89caebbdfbb91267"`);
    await queryRunner.query(`DROP TABLE "critical_alerts"`);
  }
}
