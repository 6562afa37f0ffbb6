import type { MigrationInterface, QueryRunner } from "typeorm";

export class ProgramVersions1796219938591 implements MigrationInterface {
  name = "ProgramVersions1796219938591";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"programs\".\"program_approval\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"program_id\" uuid NOT NULL, \"version_number\" integer NOT NULL, \"terms_hash\" text NOT NULL, \"institution_type\" text NOT NULL, \"institution_id\" uuid NOT NULL, \"signed_on\" date NOT NULL, \"signatory_name\" text NOT NULL, \"signatory_position\" text, \"actor_subject\" text NOT NULL, CONSTRAINT \"ck_program_approval_terms_hash\" CHECK (terms_hash ~ '^[0-9a-f]{64}$'), CONSTRAINT \"ck_program_approval_institution_type\" CHECK (institution_type IN ('ENTERPRISE', 'UNIVERSITY')), CONSTRAINT \"pk_program_approval\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_program_approval_institution_id\" ON \"programs\".\"program_approval\"  (\"institution_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_program_approval_version_institution\" ON \"programs\".\"program_approval\"  (\"program_id\", \"version_number\", \"institution_id\") ");
    await queryRunner.query("CREATE TABLE \"programs\".\"program_version\" (\"id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, \"program_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"status\" text NOT NULL, \"terms\" jsonb NOT NULL, \"terms_hash\" text NOT NULL, \"proposed_by_institution_id\" uuid, \"in_force_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_program_version_terms_hash\" CHECK (terms_hash ~ '^[0-9a-f]{64}$'), CONSTRAINT \"ck_program_version_number\" CHECK (number >= 1), CONSTRAINT \"ck_program_version_status\" CHECK (status IN ('PROPOSED', 'IN_FORCE', 'REPLACED', 'VOID')), CONSTRAINT \"pk_program_version\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_program_version_program_number\" ON \"programs\".\"program_version\"  (\"program_id\", \"number\") ");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_approval\" ADD CONSTRAINT \"fk_program_approval_program_id\" FOREIGN KEY (\"program_id\") REFERENCES \"programs\".\"program\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_version\" ADD CONSTRAINT \"fk_program_version_program_id\" FOREIGN KEY (\"program_id\") REFERENCES \"programs\".\"program\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programs\".\"program_version\" DROP CONSTRAINT \"fk_program_version_program_id\"");
    await queryRunner.query("ALTER TABLE \"programs\".\"program_approval\" DROP CONSTRAINT \"fk_program_approval_program_id\"");
    await queryRunner.query("DROP INDEX \"programs\".\"uq_program_version_program_number\"");
    await queryRunner.query("DROP TABLE \"programs\".\"program_version\"");
    await queryRunner.query("DROP INDEX \"programs\".\"uq_program_approval_version_institution\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_program_approval_institution_id\"");
    await queryRunner.query("DROP TABLE \"programs\".\"program_approval\"");
  }
}
