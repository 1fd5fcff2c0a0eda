import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795619276829 implements MigrationInterface {
  name = 'Initial1795619276829';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_972a72ff4e3bea5c7f43a2b98af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "username" character varying(64) NOT NULL, "display_name" character varying(200) NOT NULL, "email" character varying(254), "role" character varying(32) NOT NULL, "password_hash" character varying(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "locale" character varying(8) NOT NULL DEFAULT 'en', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_users_locale" CHECK ("locale" IN ('en', 'es')), CONSTRAINT "chk_users_role" CHECK ("role" IN ('student', 'parent', 'staff', 'counselor', 'school_admin', 'district_admin')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_efc03fc2a5902ef17fb8a2bdcc" ON "users"  ("district_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users"  ("username") `,
    );
    await queryRunner.query(
      `CREATE TABLE "guardianships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid NOT NULL, "student_id" uuid NOT NULL, "verified" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5b805c03463f5a097ce3478f3bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_914b8012b4b4afa81f50d0956a" ON "guardianships"  ("student_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0d898e658d1bec738f8f00521a" ON "guardianships"  ("parent_id", "student_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens"  ("family_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a7838d2ba25be1342091b6695f" ON "refresh_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "schools" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "code" character varying(16) NOT NULL, "time_zone" character varying(64) NOT NULL, "holidays" date array NOT NULL DEFAULT '{}', "triage_school_days" smallint NOT NULL DEFAULT '1', "resolve_school_days" smallint NOT NULL DEFAULT '10', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_schools_policy" CHECK ("triage_school_days" BETWEEN 0 AND 60 AND "resolve_school_days" BETWEEN 1 AND 120), CONSTRAINT "PK_95b932e47ac129dd8e23a0db548" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e132cf1a5ee0510c7bd221eb83" ON "schools"  ("district_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_35e8277da52a915513e3ece8cf" ON "schools"  ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "school_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "school_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07a328e1d9134f7e7516758c240" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c856e6355c4c2fb39c42b7830e" ON "school_memberships"  ("school_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c9e891b94744eb4ec7b22327c6" ON "school_memberships"  ("user_id", "school_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_efc03fc2a5902ef17fb8a2bdcc2" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guardianships" ADD CONSTRAINT "FK_fdacc56e0e46267898c7ad8d56d" FOREIGN KEY ("parent_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guardianships" ADD CONSTRAINT "FK_914b8012b4b4afa81f50d0956aa" FOREIGN KEY ("student_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schools" ADD CONSTRAINT "FK_e132cf1a5ee0510c7bd221eb83c" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_memberships" ADD CONSTRAINT "FK_be21fa9ba92a42603629888ce63" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_memberships" ADD CONSTRAINT "FK_c856e6355c4c2fb39c42b7830ea" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "school_memberships" DROP CONSTRAINT "FK_c856e6355c4c2fb39c42b7830ea"`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_memberships" DROP CONSTRAINT "FK_be21fa9ba92a42603629888ce63"`,
    );
    await queryRunner.query(
      `ALTER TABLE "schools" DROP CONSTRAINT "FK_e132cf1a5ee0510c7bd221eb83c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guardianships" DROP CONSTRAINT "FK_914b8012b4b4afa81f50d0956aa"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guardianships" DROP CONSTRAINT "FK_fdacc56e0e46267898c7ad8d56d"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_efc03fc2a5902ef17fb8a2bdcc2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c9e891b94744eb4ec7b22327c6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c856e6355c4c2fb39c42b7830e"`);
    await queryRunner.query(`DROP TABLE "school_memberships"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35e8277da52a915513e3ece8cf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e132cf1a5ee0510c7bd221eb83"`);
    await queryRunner.query(`DROP TABLE "schools"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7838d2ba25be1342091b6695f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0d898e658d1bec738f8f00521a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_914b8012b4b4afa81f50d0956a"`);
    await queryRunner.query(`DROP TABLE "guardianships"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_efc03fc2a5902ef17fb8a2bdcc"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "districts"`);
  }
}
