import type { MigrationInterface, QueryRunner } from "typeorm";
import { notifyWebhooksSql } from "../../../shared/webhooks/channel";

/** By hand: the audit log is the webhook outbox the programs subgraph fans out; a committed entry wakes its delivering replicas. */
export class WebhookOutbox1796240000001 implements MigrationInterface {
  name = "WebhookOutbox1796240000001";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of notifyWebhooksSql("universities").up) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of notifyWebhooksSql("universities").down) await queryRunner.query(statement);
  }
}
