import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Related reports joined into one investigation (`case_groups`): a report is
 * in at most one group (`incidents.case_group_id`), a case is the primary of
 * at most one group, and a deferred constraint trigger checks at commit that
 * the primary is a member of its group and that every member belongs to the
 * group's school, whatever code wrote the rows.
 */
export class CaseGroups1796188500000 implements MigrationInterface {
  name = 'CaseGroups1796188500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "primary_incident_id" uuid NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3eab60d07cf4fac861a158e9fee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_case_groups_school" ON "case_groups" ("school_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_groups_primary" ON "case_groups" ("primary_incident_id")`,
    );
    await queryRunner.query(`ALTER TABLE "incidents" ADD "case_group_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_case_group" ON "incidents" ("case_group_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_groups" ADD CONSTRAINT "fk_case_groups_school" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_groups" ADD CONSTRAINT "fk_case_groups_primary_incident" FOREIGN KEY ("primary_incident_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_groups" ADD CONSTRAINT "fk_case_groups_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "fk_incidents_case_group" FOREIGN KEY ("case_group_id") REFERENCES "case_groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE FUNCTION check_case_group(group_id uuid) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         grp case_groups%ROWTYPE;
       BEGIN
         IF group_id IS NULL THEN RETURN; END IF;
         SELECT * INTO grp FROM case_groups WHERE id = group_id;
         IF NOT FOUND THEN RETURN; END IF;
         IF NOT EXISTS (SELECT 1 FROM incidents WHERE id = grp.primary_incident_id AND case_group_id = grp.id) THEN
           RAISE EXCEPTION 'the primary case of group % is not a member of it', grp.id
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_case_groups_primary_is_member';
         END IF;
         IF EXISTS (SELECT 1 FROM incidents WHERE case_group_id = grp.id AND school_id <> grp.school_id) THEN
           RAISE EXCEPTION 'group % has a member of another school', grp.id
             USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_case_groups_one_school';
         END IF;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION case_group_rows_checked() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_TABLE_NAME = 'case_groups' THEN
           PERFORM check_case_group(NEW.id);
         ELSE
           PERFORM check_case_group(NEW.case_group_id);
           IF OLD.case_group_id IS DISTINCT FROM NEW.case_group_id THEN
             PERFORM check_case_group(OLD.case_group_id);
           END IF;
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "trg_case_groups_consistent" AFTER INSERT OR UPDATE ON "case_groups"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_group_rows_checked()`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "trg_incidents_case_group_consistent" AFTER UPDATE OF "case_group_id" ON "incidents"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_group_rows_checked()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_incidents_case_group_consistent" ON "incidents"`);
    await queryRunner.query(`DROP TRIGGER "trg_case_groups_consistent" ON "case_groups"`);
    await queryRunner.query(`DROP FUNCTION case_group_rows_checked()`);
    await queryRunner.query(`DROP FUNCTION check_case_group(uuid)`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "fk_incidents_case_group"`);
    await queryRunner.query(
      `ALTER TABLE "case_groups" DROP CONSTRAINT "fk_case_groups_created_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_groups" DROP CONSTRAINT "fk_case_groups_primary_incident"`,
    );
    await queryRunner.query(`ALTER TABLE "case_groups" DROP CONSTRAINT "fk_case_groups_school"`);
    await queryRunner.query(`DROP INDEX "public"."idx_incidents_case_group"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "case_group_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_groups_primary"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_groups_school"`);
    await queryRunner.query(`DROP TABLE "case_groups"`);
  }
}
