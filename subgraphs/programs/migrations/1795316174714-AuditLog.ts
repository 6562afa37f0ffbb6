import type { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1795316174714 implements MigrationInterface {
  name = "AuditLog1795316174714";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"programs\".\"audit_log\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"transaction_id\" bigint NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), \"entity_type\" text NOT NULL, \"entity_id\" uuid NOT NULL, \"action\" text NOT NULL, \"changed_fields\" text array NOT NULL, \"before\" jsonb, \"after\" jsonb, \"institution_ids\" uuid array NOT NULL, \"actor_subject\" text NOT NULL, \"actor_role\" text NOT NULL, \"actor_institution_id\" uuid, \"request_id\" text NOT NULL, CONSTRAINT \"ck_audit_log_action\" CHECK (action IN ('CREATE', 'UPDATE', 'ARCHIVE', 'DELETE', 'SIGN', 'TERMINATE')), CONSTRAINT \"pk_audit_log\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_entity\" ON \"programs\".\"audit_log\"  (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_occurred_at\" ON \"programs\".\"audit_log\"  (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_feed\" ON \"programs\".\"audit_log\"  (\"transaction_id\", \"id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"programs\".\"ix_audit_log_feed\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_audit_log_occurred_at\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_audit_log_entity\"");
    await queryRunner.query("DROP TABLE \"programs\".\"audit_log\"");
  }
}
