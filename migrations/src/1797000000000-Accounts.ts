import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account basics (issue 13). E-mail verification: `users.email_verified_at`, which defaults to the
 * time of creation, because every way of creating an account except self sign-up (the demo seed,
 * imports, `create-admin`) is run by the operator, who vouches for the addresses; sign-up writes
 * NULL. Existing accounts predate verification and count as verified. One table of single-use,
 * expiring, hashed account tokens for every purpose (the password resets move into it). Data
 * export jobs. `users.deleted_at` marks an account erased at its owner's request.
 */
export class Accounts1797000000000 implements MigrationInterface {
  name = 'Accounts1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "users" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "account_tokens" (
        "token_hash" character varying(64) PRIMARY KEY,
        "purpose" character varying(16) NOT NULL,
        "user_id" bigint NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "email" character varying(254),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "account_tokens_purpose_check" CHECK ("purpose" IN ('password-reset', 'email-verify', 'email-change'))
      )`,
    );
    await queryRunner.query('CREATE INDEX "account_tokens_user_idx" ON "account_tokens" ("user_id", "purpose")');
    await queryRunner.query(
      `INSERT INTO "account_tokens" ("token_hash", "purpose", "user_id", "created_at", "expires_at", "used_at")
       SELECT "token_hash", 'password-reset', "user_id", "created_at", "expires_at", "used_at" FROM "password_resets"`,
    );
    await queryRunner.query('DROP TABLE "password_resets"');
    await queryRunner.query(
      `CREATE TABLE "data_exports" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" bigint NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "status" character varying(8) NOT NULL DEFAULT 'pending',
        "progress" smallint NOT NULL DEFAULT 0,
        "archive" jsonb,
        "attempts" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "ready_at" TIMESTAMP WITH TIME ZONE,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "data_exports_status_check" CHECK ("status" IN ('pending', 'ready', 'failed')),
        CONSTRAINT "data_exports_progress_check" CHECK ("progress" BETWEEN 0 AND 100)
      )`,
    );
    await queryRunner.query('CREATE INDEX "data_exports_user_idx" ON "data_exports" ("user_id", "id" DESC)');
    await queryRunner.query('CREATE INDEX "data_exports_pending_idx" ON "data_exports" ("id") WHERE "status" = \'pending\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "data_exports"');
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
    await queryRunner.query(
      `INSERT INTO "password_resets" ("token_hash", "user_id", "created_at", "expires_at", "used_at")
       SELECT "token_hash", "user_id", "created_at", "expires_at", "used_at" FROM "account_tokens" WHERE "purpose" = 'password-reset'`,
    );
    await queryRunner.query('DROP TABLE "account_tokens"');
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
