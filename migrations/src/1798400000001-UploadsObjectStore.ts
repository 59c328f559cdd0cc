import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An upload's bytes may live in an object store instead of its row. */
export class UploadsObjectStore1798400000001 implements MigrationInterface {
  name = 'UploadsObjectStore1798400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "uploads_size_check"`);
    await queryRunner.query(`ALTER TABLE "uploads" ALTER COLUMN "bytes" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "uploads" ADD CONSTRAINT "uploads_size_check" CHECK ("bytes" IS NULL OR "size" = octet_length("bytes"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "uploads" WHERE "bytes" IS NULL`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "uploads_size_check"`);
    await queryRunner.query(`ALTER TABLE "uploads" ALTER COLUMN "bytes" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "uploads" ADD CONSTRAINT "uploads_size_check" CHECK ("size" = octet_length("bytes"))`);
  }
}
