import type { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1795316167391 implements MigrationInterface {
  name = "AuditLog1795316167391";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"enterprises\".\"audit_log\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"transaction_id\" bigint NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), \"entity_type\" text NOT NULL, \"entity_id\" uuid NOT NULL, \"action\" text NOT NULL, \"changed_fields\" text array NOT NULL, \"before\" jsonb, \"after\" jsonb, \"institution_ids\" uuid array NOT NULL, \"actor_subject\" text NOT NULL, \"actor_role\" text NOT NULL, \"actor_institution_id\" uuid, \"request_id\" text NOT NULL, CONSTRAINT \"ck_audit_log_action\" CHECK (action IN ('CREATE', 'UPDATE', 'ARCHIVE', 'DELETE', 'SIGN', 'TERMINATE')), CONSTRAINT \"pk_audit_log\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_entity\" ON \"enterprises\".\"audit_log\"  (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_occurred_at\" ON \"enterprises\".\"audit_log\"  (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_feed\" ON \"enterprises\".\"audit_log\"  (\"transaction_id\", \"id\") ");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" ADD \"status\" text NOT NULL DEFAULT 'ACTIVE'");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" ADD CONSTRAINT \"ck_division_status\" CHECK (status IN ('ACTIVE', 'ARCHIVED'))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" DROP CONSTRAINT \"ck_division_status\"");
    await queryRunner.query("ALTER TABLE \"enterprises\".\"division\" DROP COLUMN \"status\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_audit_log_feed\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_audit_log_occurred_at\"");
    await queryRunner.query("DROP INDEX \"enterprises\".\"ix_audit_log_entity\"");
    await queryRunner.query("DROP TABLE \"enterprises\".\"audit_log\"");
  }
}
