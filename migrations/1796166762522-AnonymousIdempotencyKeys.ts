import { MigrationInterface, QueryRunner } from 'typeorm';

/** Anonymous reports may carry an Idempotency-Key: such keys have no user and are unique alone. */
export class AnonymousIdempotencyKeys1796166762522 implements MigrationInterface {
  name = 'AnonymousIdempotencyKeys1796166762522';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ALTER COLUMN "user_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_idempotency_keys_anonymous" ON "idempotency_keys" ("key") WHERE "user_id" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_idempotency_keys_anonymous"`);
    await queryRunner.query(`DELETE FROM "idempotency_keys" WHERE "user_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ALTER COLUMN "user_id" SET NOT NULL`);
  }
}
