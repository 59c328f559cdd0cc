import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Password reset by e-mail (issue 13): only a hash of each token is kept; single use, expiring. */
export class PasswordResets1796100000002 implements MigrationInterface {
  name = 'PasswordResets1796100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_resets" (
        "token_hash" character varying(64) PRIMARY KEY,
        "user_id" bigint NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE
      )`,
    );
    await queryRunner.query('CREATE INDEX "password_resets_user_idx" ON "password_resets" ("user_id")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "password_resets"');
  }
}
