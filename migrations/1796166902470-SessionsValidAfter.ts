import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsValidAfter1796166902470 implements MigrationInterface {
  name = 'SessionsValidAfter1796166902470';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "sessions_valid_after" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "sessions_valid_after"`);
  }
}
