/** The channel the audit log's trigger notifies (see the programs migration adding it): it wakes every delivering replica. */
export const WEBHOOK_CHANNEL = "partnergraph_webhooks";
