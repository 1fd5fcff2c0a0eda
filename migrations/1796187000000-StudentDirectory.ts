import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accented letters of the school's languages and their plain forms, for `search_fold()`. */
const ACCENTED = 'áàâäãåéèêëíìîïóòôöõúùûüñçýÿ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuuncyy';

/**
 * Students' grades, and the student directory search: names and usernames
 * compared lower-cased and without accents (`search_fold()`, immutable so it
 * can be indexed), through a trigram index that serves `LIKE '%text%'`.
 */
export class StudentDirectory1796187000000 implements MigrationInterface {
  name = 'StudentDirectory1796187000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "grade" character varying(8)`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE FUNCTION search_fold(value text) RETURNS text
         LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         AS $$ SELECT translate(lower(value), '${ACCENTED}', '${PLAIN}') $$`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_users_directory_search" ON "users"
         USING gin (search_fold("display_name" || ' ' || "username") gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_users_directory_search"`);
    await queryRunner.query(`DROP FUNCTION search_fold(text)`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "grade"`);
  }
}
