import { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenCriticalFirst1795623867634 implements MigrationInterface {
  name = 'OpenCriticalFirst1795623867634';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue_by_assignee"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue_by_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "priority"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`,
      ['GENERATED_COLUMN', 'priority', 'public', 'incidents'],
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD "priority" smallint GENERATED ALWAYS AS (CASE WHEN "severity" = 'critical' AND "status" IN ('submitted', 'triaged', 'investigating') THEN 0 ELSE 1 END) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), $1, $2, $3, $4, $5)`,
      [
        'public',
        'incidents',
        'GENERATED_COLUMN',
        'priority',
        "CASE WHEN \"severity\" = 'critical' AND \"status\" IN ('submitted', 'triaged', 'investigating') THEN 0 ELSE 1 END",
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue_by_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_queue_by_assignee"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`,
      ['GENERATED_COLUMN', 'priority', 'public', 'incidents'],
    );
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "priority"`);
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
      `ALTER TABLE "incidents" ADD "priority" smallint GENERATED ALWAYS AS (CASE WHEN "severity" = 'critical' THEN 0 ELSE 1 END) STORED NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_queue" ON "incidents" USING btree ("due_at", "id", "priority", "school_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_queue_by_status" ON "incidents" USING btree ("due_at", "id", "priority", "school_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_queue_by_assignee" ON "incidents" USING btree ("assignee_id", "due_at", "id", "priority") `,
    );
  }
}
