import type { MigrationInterface, QueryRunner } from "typeorm";
import { createSearchFunction, createSearchIndex, dropSearchFunction, dropSearchIndex } from "../../../shared/database/search-migration";

/** The party country snapshot for country filters, search over titles and descriptions, and indexes for the dashboard filters. */

export class Search1795314620856 implements MigrationInterface {
  name = "Search1795314620856";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" ADD \"institution_country_code\" character(2)");
    await queryRunner.query("CREATE INDEX \"ix_program_party_institution_country_code\" ON \"programs\".\"program_party\"  (\"institution_country_code\") ");
    await queryRunner.query("CREATE INDEX \"ix_program_party_unit_id\" ON \"programs\".\"program_party\"  (\"unit_id\") ");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" ADD CONSTRAINT \"ck_program_party_institution_country_code\" CHECK (institution_country_code IS NULL OR institution_country_code ~ '^[A-Z]{2}$')");
    await createSearchFunction(queryRunner, "programs");
    await createSearchIndex(queryRunner, "programs", "program", "title");
    await createSearchIndex(queryRunner, "programs", "program", "description");
    await queryRunner.query(`CREATE INDEX "ix_program_field_codes" ON "programs"."program" USING gin ("field_codes")`);
    // The default order of every program list (see PROGRAM_ORDER in sql/program-list.ts): keyset pages read it in order.
    await queryRunner.query(`CREATE INDEX "ix_program_newest_first" ON "programs"."program" ((COALESCE(signed_on, starts_on, DATE '0001-01-01')) DESC, id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "programs"."ix_program_newest_first"`);
    await queryRunner.query(`DROP INDEX "programs"."ix_program_field_codes"`);
    await dropSearchIndex(queryRunner, "programs", "program", "description");
    await dropSearchIndex(queryRunner, "programs", "program", "title");
    await dropSearchFunction(queryRunner, "programs");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" DROP CONSTRAINT \"ck_program_party_institution_country_code\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_party_unit_id\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_party_institution_country_code\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" DROP COLUMN \"institution_country_code\"");
  }
}
