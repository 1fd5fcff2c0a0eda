import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderedTimeline1795623599214 implements MigrationInterface {
  name = 'OrderedTimeline1795623599214';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c7d3ae3160ef4430133acbe742"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8bad7b3a79a9e7a5242eee29f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99b657bee63f1b1a392b0c9e7f"`);
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "at" SET DEFAULT clock_timestamp()`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_3b4389a6e18d2c3e91f3910014"`);
    await queryRunner.query(
      `ALTER TABLE "incident_events" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp()`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_ef2fb3b257a7177bbd73c0c658"`);
    await queryRunner.query(
      `ALTER TABLE "messages" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp()`,
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
      `CREATE INDEX "IDX_3b4389a6e18d2c3e91f3910014" ON "incident_events"  ("incident_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ef2fb3b257a7177bbd73c0c658" ON "messages"  ("incident_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_ef2fb3b257a7177bbd73c0c658"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b4389a6e18d2c3e91f3910014"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99b657bee63f1b1a392b0c9e7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8bad7b3a79a9e7a5242eee29f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c7d3ae3160ef4430133acbe742"`);
    await queryRunner.query(`ALTER TABLE "messages" ALTER COLUMN "created_at" SET DEFAULT now()`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ef2fb3b257a7177bbd73c0c658" ON "messages" USING btree ("created_at", "incident_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_events" ALTER COLUMN "created_at" SET DEFAULT now()`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3b4389a6e18d2c3e91f3910014" ON "incident_events" USING btree ("created_at", "incident_id") `,
    );
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "at" SET DEFAULT now()`);
    await queryRunner.query(
      `CREATE INDEX "IDX_99b657bee63f1b1a392b0c9e7f" ON "audit_log" USING btree ("at", "school_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b8bad7b3a79a9e7a5242eee29f" ON "audit_log" USING btree ("at", "incident_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c7d3ae3160ef4430133acbe742" ON "audit_log" USING btree ("actor_id", "at") `,
    );
  }
}
