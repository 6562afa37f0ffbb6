/** The channel the audit logs' triggers notify (see the migrations adding them): it wakes every delivering replica. */
export const WEBHOOK_CHANNEL = "partnergraph_webhooks";

/**
 * For a peer's migration: a committed audit entry of `schema` notifies the
 * channel with the schema's name (NOTIFY is sent at commit, never before), so
 * the hub's fan-out of that log looks at once when they share a database;
 * otherwise it finds the entry at its next poll.
 */
export function notifyWebhooksSql(schema: string): { up: string[]; down: string[] } {
  return {
    up: [
      `CREATE FUNCTION "${schema}"."notify_webhooks"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('${WEBHOOK_CHANNEL}', '${schema}'); RETURN NULL; END $$`,
      `CREATE TRIGGER "tr_audit_log_notify_webhooks" AFTER INSERT ON "${schema}"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."notify_webhooks"()`,
    ],
    down: [`DROP TRIGGER "tr_audit_log_notify_webhooks" ON "${schema}"."audit_log"`, `DROP FUNCTION "${schema}"."notify_webhooks"()`],
  };
}
