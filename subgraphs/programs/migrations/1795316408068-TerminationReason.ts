import type { MigrationInterface, QueryRunner } from "typeorm";

export class TerminationReason1795316408068 implements MigrationInterface {
  name = "TerminationReason1795316408068";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"termination_reason\" text");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"termination_reason\"");
  }
}
