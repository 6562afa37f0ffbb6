import type { MigrationInterface, QueryRunner } from "typeorm";

export class ExternalReferences1796230193024 implements MigrationInterface {
  name = "ExternalReferences1796230193024";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"enterprises\".\"external_reference\" (\"institution_id\" uuid NOT NULL, \"record_type\" text NOT NULL, \"external_ref\" text NOT NULL, \"record_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_external_reference_length\" CHECK (char_length(external_ref) BETWEEN 1 AND 200), CONSTRAINT \"pk_external_reference\" PRIMARY KEY (\"institution_id\", \"record_type\", \"external_ref\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_external_reference_record\" ON \"enterprises\".\"external_reference\"  (\"institution_id\", \"record_type\", \"record_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"enterprises\".\"uq_external_reference_record\"");
    await queryRunner.query("DROP TABLE \"enterprises\".\"external_reference\"");
  }
}
