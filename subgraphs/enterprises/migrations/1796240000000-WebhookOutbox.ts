import type { MigrationInterface, QueryRunner } from "typeorm";
import { notifyWebhooksSql } from "../../../shared/webhooks/channel";

/** By hand: the audit log is the webhook outbox the programs subgraph fans out; a committed entry wakes its delivering replicas. */
export class WebhookOutbox1796240000000 implements MigrationInterface {
  name = "WebhookOutbox1796240000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of notifyWebhooksSql("enterprises").up) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of notifyWebhooksSql("enterprises").down) await queryRunner.query(statement);
  }
}
