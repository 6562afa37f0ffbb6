import type { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1796230403196 implements MigrationInterface {
  name = "Webhooks1796230403196";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"programs\".\"webhook_subscription\" (\"id\" uuid NOT NULL, \"owner_subject\" text NOT NULL, \"owner_role\" text NOT NULL, \"owner_institution_type\" text, \"owner_institution_id\" uuid, \"url\" text NOT NULL, \"event_types\" text array NOT NULL, \"expiry_days\" integer array NOT NULL DEFAULT '{}', \"secret\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'ACTIVE', \"description\" text, \"version\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_webhook_subscription_status\" CHECK (status IN ('ACTIVE', 'PAUSED')), CONSTRAINT \"pk_webhook_subscription\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_webhook_subscription_owner\" ON \"programs\".\"webhook_subscription\"  (\"owner_subject\") ");
    await queryRunner.query("CREATE TABLE \"programs\".\"webhook_delivery\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"subscription_id\" uuid NOT NULL, \"message_id\" text NOT NULL, \"event_type\" text NOT NULL, \"record_key\" text NOT NULL, \"sequence\" numeric(40,0) NOT NULL, \"dedupe_key\" text NOT NULL, \"payload\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'PENDING', \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"first_attempt_at\" TIMESTAMP WITH TIME ZONE, \"last_attempt_at\" TIMESTAMP WITH TIME ZONE, \"delivered_at\" TIMESTAMP WITH TIME ZONE, \"last_response_status\" integer, \"last_error\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_webhook_delivery_status\" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT \"pk_webhook_delivery\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_webhook_delivery_recent\" ON \"programs\".\"webhook_delivery\"  (\"subscription_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_webhook_delivery_dedupe\" ON \"programs\".\"webhook_delivery\"  (\"subscription_id\", \"dedupe_key\") ");
    await queryRunner.query("CREATE INDEX \"ix_webhook_delivery_record\" ON \"programs\".\"webhook_delivery\"  (\"subscription_id\", \"record_key\", \"sequence\") ");
    await queryRunner.query("CREATE INDEX \"ix_webhook_delivery_due\" ON \"programs\".\"webhook_delivery\"  (\"status\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE TABLE \"programs\".\"webhook_cursor\" (\"source\" text NOT NULL, \"transaction_id\" bigint NOT NULL, \"entry_id\" bigint NOT NULL, CONSTRAINT \"pk_webhook_cursor\" PRIMARY KEY (\"source\"))");
    // By hand: a committed audit entry wakes every delivering replica at once (NOTIFY is sent at commit, never before).
    await queryRunner.query(`CREATE FUNCTION "programs"."notify_webhooks"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('partnergraph_webhooks', ''); RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER "tr_audit_log_notify_webhooks" AFTER INSERT ON "programs"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "programs"."notify_webhooks"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_audit_log_notify_webhooks" ON "programs"."audit_log"`);
    await queryRunner.query(`DROP FUNCTION "programs"."notify_webhooks"()`);
    await queryRunner.query("DROP TABLE \"programs\".\"webhook_cursor\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_webhook_delivery_due\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_webhook_delivery_record\"");
    await queryRunner.query("DROP INDEX \"programs\".\"uq_webhook_delivery_dedupe\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_webhook_delivery_recent\"");
    await queryRunner.query("DROP TABLE \"programs\".\"webhook_delivery\"");
    await queryRunner.query("DROP INDEX \"programs\".\"ix_webhook_subscription_owner\"");
    await queryRunner.query("DROP TABLE \"programs\".\"webhook_subscription\"");
  }
}
