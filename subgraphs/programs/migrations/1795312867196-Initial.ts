import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795312867196 implements MigrationInterface {
  name = "Initial1795312867196";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"programs\".\"program\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"slug\" text NOT NULL, \"title\" text NOT NULL, \"kind\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'DRAFT', \"description\" text, \"signed_on\" date, \"starts_on\" date, \"ends_on\" date, \"source\" text, CONSTRAINT \"ck_program_ends_after_start\" CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on), CONSTRAINT \"ck_program_status\" CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'EXPIRED', 'TERMINATED')), CONSTRAINT \"ck_program_kind\" CHECK (kind IN ('MEMORANDUM', 'PARTNERSHIP_AGREEMENT', 'BRANCH_DEPARTMENT', 'INTERNSHIP', 'EXCHANGE', 'SCHOLARSHIP', 'JOINT_RESEARCH', 'JOINT_LABORATORY', 'INDUSTRIAL_VISIT', 'TRAINING')), CONSTRAINT \"ck_program_slug\" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT \"pk_program\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_program_slug\" ON \"programs\".\"program\"  (\"slug\") ");
    await queryRunner.query("CREATE INDEX \"ix_program_kind\" ON \"programs\".\"program\"  (\"kind\") ");
    await queryRunner.query("CREATE INDEX \"ix_program_status\" ON \"programs\".\"program\"  (\"status\") ");
    await queryRunner.query("CREATE TABLE \"programs\".\"program_party\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"program_id\" uuid NOT NULL, \"institution_type\" text NOT NULL, \"institution_id\" uuid NOT NULL, \"unit_id\" uuid, \"role\" text NOT NULL, \"signatory_name\" text, \"signatory_position\" text, CONSTRAINT \"ck_program_party_role\" CHECK (role IN ('SIGNATORY', 'HOST', 'PARTNER', 'FUNDER', 'PARTICIPANT')), CONSTRAINT \"ck_program_party_institution_type\" CHECK (institution_type IN ('ENTERPRISE', 'UNIVERSITY')), CONSTRAINT \"pk_program_party\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_program_party_program_id\" ON \"programs\".\"program_party\"  (\"program_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_program_party_institution_id\" ON \"programs\".\"program_party\"  (\"institution_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_program_party_program_institution_role\" ON \"programs\".\"program_party\"  (\"program_id\", \"institution_id\", \"unit_id\", \"role\") NULLS NOT DISTINCT");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" ADD CONSTRAINT \"fk_program_party_program_id\" FOREIGN KEY (\"program_id\") REFERENCES \"programs\".\"program\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programs\".\"program_party\" DROP CONSTRAINT \"fk_program_party_program_id\"");
    await queryRunner.query("DROP INDEX \"programs\".\"uq_program_party_program_institution_role\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_party_institution_id\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_party_program_id\"");
    await queryRunner.query("DROP TABLE \"programs\".\"program_party\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_status\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_kind\"");
    await queryRunner.query("DROP INDEX \"programs\".\"uq_program_slug\"");
    await queryRunner.query("DROP TABLE \"programs\".\"program\"");
  }
}
