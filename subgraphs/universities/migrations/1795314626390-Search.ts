import type { MigrationInterface, QueryRunner } from "typeorm";
import { createSearchFunction, createSearchIndex, dropSearchFunction, dropSearchIndex } from "../../../shared/database/search-migration";

/** Case- and accent-insensitive search over every name of a university, in any script. */
export class Search1795314626390 implements MigrationInterface {
  name = "Search1795314626390";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createSearchFunction(queryRunner, "universities");
    await createSearchIndex(queryRunner, "universities", "university", "name");
    await createSearchIndex(queryRunner, "universities", "university", "short_name");
    await createSearchIndex(queryRunner, "universities", "university_name", "value");
    await queryRunner.query(`CREATE INDEX "ix_university_field_codes" ON "universities"."university" USING gin ("field_codes")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "universities"."ix_university_field_codes"`);
    await dropSearchIndex(queryRunner, "universities", "university_name", "value");
    await dropSearchIndex(queryRunner, "universities", "university", "short_name");
    await dropSearchIndex(queryRunner, "universities", "university", "name");
    await dropSearchFunction(queryRunner, "universities");
  }
}
