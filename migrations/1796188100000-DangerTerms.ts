import { MigrationInterface, QueryRunner } from 'typeorm';

export class DangerTerms1796188100000 implements MigrationInterface {
  name = 'DangerTerms1796188100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "danger_terms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "language" character varying(2) NOT NULL, "category" character varying(16) NOT NULL, "phrase" character varying(100) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_danger_terms_phrase" CHECK (char_length("phrase") BETWEEN 2 AND 100), CONSTRAINT "chk_danger_terms_category" CHECK ("category" IN ('self_harm', 'weapon', 'threat', 'abuse')), CONSTRAINT "chk_danger_terms_language" CHECK ("language" IN ('en', 'es')), CONSTRAINT "PK_c71b60db15da0df8ad62cd78e7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_63d5057941c04af9149bc54c8b" ON "danger_terms"  ("district_id", "language", "phrase") `,
    );
    await queryRunner.query(
      `ALTER TABLE "danger_terms" ADD CONSTRAINT "FK_52b58825b413d530542240af683" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "danger_terms" DROP CONSTRAINT "FK_52b58825b413d530542240af683"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_63d5057941c04af9149bc54c8b"`);
    await queryRunner.query(`DROP TABLE "danger_terms"`);
  }
}
