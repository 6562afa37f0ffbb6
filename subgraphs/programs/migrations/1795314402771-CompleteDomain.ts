import type { MigrationInterface, QueryRunner } from "typeorm";

export class CompleteDomain1795314402771 implements MigrationInterface {
  name = "CompleteDomain1795314402771";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"programs\".\"activity\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"program_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"status\" text NOT NULL, \"title\" text NOT NULL, \"description\" text, \"starts_on\" date, \"starts_on_precision\" text, \"ends_on\" date, \"ends_on_precision\" text, \"host_institution_type\" text, \"host_institution_id\" uuid, \"host_unit_id\" uuid, \"planned_participants\" integer, \"actual_participants\" integer, \"source\" text, CONSTRAINT \"ck_activity_participants\" CHECK ((planned_participants IS NULL OR planned_participants >= 0) AND (actual_participants IS NULL OR actual_participants >= 0)), CONSTRAINT \"ck_activity_host\" CHECK ((host_institution_id IS NULL) = (host_institution_type IS NULL) AND (host_unit_id IS NULL OR host_institution_id IS NOT NULL) AND (host_institution_type IS NULL OR host_institution_type IN ('ENTERPRISE', 'UNIVERSITY'))), CONSTRAINT \"ck_activity_ends_on_precision\" CHECK ((ends_on IS NULL) = (ends_on_precision IS NULL) AND (ends_on_precision IS NULL OR ends_on_precision IN ('DAY', 'MONTH', 'YEAR'))), CONSTRAINT \"ck_activity_starts_on_precision\" CHECK ((starts_on IS NULL) = (starts_on_precision IS NULL) AND (starts_on_precision IS NULL OR starts_on_precision IN ('DAY', 'MONTH', 'YEAR'))), CONSTRAINT \"ck_activity_ends_after_start\" CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on), CONSTRAINT \"ck_activity_status\" CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')), CONSTRAINT \"ck_activity_kind\" CHECK (kind IN ('OPENING', 'INTERNSHIP', 'EXCHANGE', 'SCHOLARSHIP', 'EXCURSION', 'VISIT', 'SEMINAR', 'TRAINING', 'JOINT_RESEARCH', 'LABORATORY', 'EMPLOYMENT')), CONSTRAINT \"pk_activity\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_activity_program_id\" ON \"programs\".\"activity\"  (\"program_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_activity_host_institution_id\" ON \"programs\".\"activity\"  (\"host_institution_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_activity_host_unit_id\" ON \"programs\".\"activity\"  (\"host_unit_id\") ");
    await queryRunner.query("CREATE TABLE \"programs\".\"program_direction\" (\"id\" uuid NOT NULL, \"program_id\" uuid NOT NULL, \"direction\" text NOT NULL, \"description\" text, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"ck_program_direction_direction\" CHECK (direction IN ('SPECIALIST_TRAINING', 'PRACTICAL_TRAINING', 'EMPLOYMENT', 'SCHOLARSHIPS', 'STUDENT_EXCHANGE', 'STAFF_EXCHANGE', 'STAFF_DEVELOPMENT', 'CURRICULUM_DEVELOPMENT', 'JOINT_RESEARCH', 'JOINT_LABORATORIES', 'TECHNOLOGY_TRANSFER', 'STARTUPS_AND_VENTURES', 'CONSORTIA', 'INNOVATION', 'EVENTS', 'INDUSTRIAL_VISITS', 'INTERNATIONAL_COOPERATION', 'BUSINESS_CONTACTS')), CONSTRAINT \"pk_program_direction\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_program_direction_program_id\" ON \"programs\".\"program_direction\"  (\"program_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_program_direction_direction\" ON \"programs\".\"program_direction\"  (\"direction\") ");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"framework\" text");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"signed_on_precision\" text");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"signed_place\" text");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"starts_on_precision\" text");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"ends_on_precision\" text");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"term_months\" integer");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"field_codes\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"budget_amount\" numeric(17,2)");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"budget_currency\" character(3)");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD \"internal_notes\" text");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" ADD \"signed_on\" date");
    await queryRunner.query("CREATE INDEX \"ix_program_signed_on\" ON \"programs\".\"program\"  (\"signed_on\") ");
    await queryRunner.query("CREATE INDEX \"ix_program_starts_on\" ON \"programs\".\"program\"  (\"starts_on\") ");
    await queryRunner.query("CREATE INDEX \"ix_program_ends_on\" ON \"programs\".\"program\"  (\"ends_on\") ");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD CONSTRAINT \"ck_program_budget\" CHECK ((budget_amount IS NULL) = (budget_currency IS NULL) AND (budget_amount IS NULL OR budget_amount >= 0))");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD CONSTRAINT \"ck_program_term_months\" CHECK (term_months IS NULL OR term_months BETWEEN 1 AND 1200)");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD CONSTRAINT \"ck_program_ends_on_precision\" CHECK ((ends_on IS NULL) = (ends_on_precision IS NULL) AND (ends_on_precision IS NULL OR ends_on_precision IN ('DAY', 'MONTH', 'YEAR')))");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD CONSTRAINT \"ck_program_starts_on_precision\" CHECK ((starts_on IS NULL) = (starts_on_precision IS NULL) AND (starts_on_precision IS NULL OR starts_on_precision IN ('DAY', 'MONTH', 'YEAR')))");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" ADD CONSTRAINT \"ck_program_signed_on_precision\" CHECK ((signed_on IS NULL) = (signed_on_precision IS NULL) AND (signed_on_precision IS NULL OR signed_on_precision IN ('DAY', 'MONTH', 'YEAR')))");
    await queryRunner.query("ALTER TABLE \"programs\".\"activity\" ADD CONSTRAINT \"fk_activity_program_id\" FOREIGN KEY (\"program_id\") REFERENCES \"programs\".\"program\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_direction\" ADD CONSTRAINT \"fk_program_direction_program_id\" FOREIGN KEY (\"program_id\") REFERENCES \"programs\".\"program\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programs\".\"program_direction\" DROP CONSTRAINT \"fk_program_direction_program_id\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"activity\" DROP CONSTRAINT \"fk_activity_program_id\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP CONSTRAINT \"ck_program_signed_on_precision\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP CONSTRAINT \"ck_program_starts_on_precision\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP CONSTRAINT \"ck_program_ends_on_precision\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP CONSTRAINT \"ck_program_term_months\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP CONSTRAINT \"ck_program_budget\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_ends_on\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_starts_on\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_signed_on\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" DROP COLUMN \"signed_on\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"internal_notes\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"budget_currency\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"budget_amount\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"field_codes\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"term_months\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"ends_on_precision\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"starts_on_precision\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"signed_place\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"signed_on_precision\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program\" DROP COLUMN \"framework\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_direction_direction\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_direction_program_id\"");
    await queryRunner.query("DROP TABLE \"programs\".\"program_direction\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_activity_host_unit_id\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_activity_host_institution_id\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_activity_program_id\"");
    await queryRunner.query("DROP TABLE \"programs\".\"activity\"");
  }
}
