import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Uploads1797200000000 implements MigrationInterface {
  name = 'Uploads1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "uploads" ("id" uuid NOT NULL, "owner_id" bigint NOT NULL, "bytes" bytea NOT NULL, "mime" character varying(32) NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uploads_dimensions_check" CHECK ("width" BETWEEN 1 AND 2560 AND "height" BETWEEN 1 AND 2560), CONSTRAINT "uploads_size_check" CHECK ("size" = octet_length("bytes")), CONSTRAINT "uploads_mime_check" CHECK ("mime" IN ('image/png', 'image/jpeg', 'image/webp')), CONSTRAINT "PK_d1781d1eedd7459314f60f39bd3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uploads_owner_sha256_key" ON "uploads"  ("owner_id", "sha256") `);
    await queryRunner.query(
      `ALTER TABLE "uploads" ADD CONSTRAINT "FK_4dfa98b9e12204ea0f0f712f30c" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "FK_4dfa98b9e12204ea0f0f712f30c"`);
    await queryRunner.query(`DROP INDEX "public"."uploads_owner_sha256_key"`);
    await queryRunner.query(`DROP TABLE "uploads"`);
  }
}
