import type { MigrationInterface, QueryRunner } from "typeorm";
import { createSearchFunction, createSearchIndex, dropSearchFunction, dropSearchIndex } from "../../../shared/database/search-migration";

/** Case- and accent-insensitive search over every name of an enterprise, in any script. */
export class Search1795314626389 implements MigrationInterface {
  name = "Search1795314626389";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createSearchFunction(queryRunner, "enterprises");
    await createSearchIndex(queryRunner, "enterprises", "enterprise", "name");
    await createSearchIndex(queryRunner, "enterprises", "enterprise", "short_name");
    await createSearchIndex(queryRunner, "enterprises", "enterprise_name", "value");
    await queryRunner.query(`CREATE INDEX "ix_enterprise_industry_codes" ON "enterprises"."enterprise" USING gin ("industry_codes")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "enterprises"."ix_enterprise_industry_codes"`);
    await dropSearchIndex(queryRunner, "enterprises", "enterprise_name", "value");
    await dropSearchIndex(queryRunner, "enterprises", "enterprise", "short_name");
    await dropSearchIndex(queryRunner, "enterprises", "enterprise", "name");
    await dropSearchFunction(queryRunner, "enterprises");
  }
}
