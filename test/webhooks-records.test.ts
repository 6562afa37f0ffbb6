/**
 * Webhooks of the enterprises' and universities' records (institutions,
 * units, contacts, people), on the in-process stack: the programs subgraph
 * fans out their audit logs, read through the signed peer call, to the
 * subscriptions it keeps. A contact's change arrives signed, its confidential
 * phone blanked for a credential that may not read it; a unit's change
 * arrives to its owner; an institution's to its partners too; nothing to a
 * stranger; and the outbox field is neither in the public graph nor open to
 * any caller but the programs service.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../shared/records/ids";
import { bearer, tokenFor, type TestRole } from "./support/auth";
import { graphql, graphqlData, signedFor } from "./support/graphql";
import { until } from "./support/services";
import { startTestStack, type TestStack } from "./support/stack";
import { startReceiver, type Receiver } from "./support/webhook-receiver";

const AMMC = deterministicId("Enterprise", "ammc");
let stack: TestStack;
let receiver: Receiver;
const tokens = new Map<TestRole, Record<string, string>>();
const as = async (role: TestRole) => tokens.get(role) ?? tokens.set(role, bearer(await tokenFor(stack, role))).get(role)!;
const ask = async <T = any>(role: TestRole, query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables, await as(role));

async function subscribe(role: TestRole, events: string[]): Promise<string> {
  const { createWebhookSubscription } = await ask(role, `mutation($input: WebhookSubscriptionCreateInput!) { createWebhookSubscription(input: $input) { secret } }`, {
    input: { url: receiver.url, events },
  });
  receiver.addSecret(createWebhookSubscription.secret);
  return createWebhookSubscription.secret;
}
const forSubscription = (secret: string) => receiver.received.filter((r) => r.secret === secret);

beforeAll(async () => {
  stack = await startTestStack({ WEBHOOK_LOCAL_DESTINATIONS: "on", WEBHOOK_POLL_MS: "50" });
  receiver = await startReceiver();
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

describe("webhooks of institutions, units, contacts and people", () => {
  it("are listed by webhookEventTypes beside the programs' events", async () => {
    const { webhookEventTypes } = await ask("anonymous", `{ webhookEventTypes { name } }`);
    const names = webhookEventTypes.map((type: { name: string }) => type.name);
    expect(names).toEqual(expect.arrayContaining(["program.created", "institution.updated", "unit.created", "unit.archived", "contact.updated", "person.deleted"]));
  });

  it("send a contact's change signed, its phone blanked for a credential that may not read it, and nothing to a stranger", async () => {
    const owner = await subscribe("editor@ammc", ["contact.created", "contact.updated", "contact.deleted"]);
    const analyst = await subscribe("analyst", ["contact.created"]);
    const stranger = await subscribe("editor@stupino-metallurgical-company", ["contact.created", "contact.updated", "contact.deleted", "unit.created"]);
    const { createContact } = await ask("editor@ammc", `mutation($owner: ID!) { createContact(enterpriseId: $owner, input: { name: "Webhook Contact", phone: "+998 71 123 45 67", email: "hooks@ammc.uz" }) { id version } }`, { owner: AMMC });
    await ask("editor@ammc", `mutation($id: ID!) { updateContact(id: $id, version: 1, input: { position: "Dispatcher" }) { version } }`, { id: createContact.id });
    await ask("editor@ammc", `mutation($id: ID!) { deleteContact(id: $id, version: 2) }`, { id: createContact.id });
    await until(() => forSubscription(owner).length === 3 && forSubscription(analyst).length === 1, 10_000);
    // In the order the contact changed, each signed (the receiver verified it with standardwebhooks).
    expect(forSubscription(owner).map((r) => r.payload.type)).toEqual(["contact.created", "contact.updated", "contact.deleted"]);
    const [created] = forSubscription(owner);
    expect(created.headers["webhook-id"]).toMatch(/^msg_enterprises_\d+_0$/);
    expect(created.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(created.payload.data).toMatchObject({ source: "enterprises", entityType: "Contact", entityId: createContact.id, action: "CREATE", redactedFields: [], after: { phone: "+998 71 123 45 67", email: "hooks@ammc.uz" } });
    const [toAnalyst] = forSubscription(analyst);
    expect(toAnalyst.headers["webhook-id"]).toBe(created.headers["webhook-id"]);
    expect(toAnalyst.payload.data.after).toMatchObject({ name: "Webhook Contact", phone: null, email: null });
    expect(toAnalyst.payload.data.redactedFields).toEqual(["email", "phone"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forSubscription(stranger)).toEqual([]);
  });

  it("send a unit's change to its owner, an institution's to its partners too, and neither to a stranger", async () => {
    const owner = await subscribe("editor@ammc", ["unit.created"]);
    const stranger = await subscribe("editor@stupino-metallurgical-company", ["unit.created", "institution.updated"]);
    // TashSTU Almalyk is party to a seed program with AMMC.
    const partner = await subscribe("reader@tashstu-almalyk", ["unit.created", "institution.updated"]);
    const { createDivision } = await ask("editor@ammc", `mutation($owner: ID!) { createDivision(enterpriseId: $owner, input: { slug: "ammc-webhook-plant", name: "Webhook plant", kind: PLANT }) { id } }`, { owner: AMMC });
    const { enterprise } = await ask("admin", `{ enterprise(slug: "ammc") { version } }`);
    await ask("editor@ammc", `mutation($id: ID!, $v: Int!) { updateEnterprise(id: $id, version: $v, input: { website: "https://www.agmk.uz/webhooks" }) { version } }`, { id: AMMC, v: enterprise.version });
    await until(() => forSubscription(owner).length === 1 && forSubscription(partner).length === 1, 10_000);
    expect(forSubscription(owner)[0].payload).toMatchObject({ type: "unit.created", data: { entityType: "Division", entityId: createDivision.id, after: { name: "Webhook plant", kind: "PLANT" } } });
    expect(forSubscription(partner)[0].payload).toMatchObject({ type: "institution.updated", data: { source: "enterprises", entityType: "Enterprise", entityId: AMMC, changedFields: ["website"] } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forSubscription(partner)).toHaveLength(1);
    expect(forSubscription(stranger)).toEqual([]);
  });

  it("read the outbox through a field neither in the public graph nor open to any caller but the programs service", async () => {
    const query = `{ webhookOutboxEnterprises(afterTransaction: "0", afterEntry: "0", first: 1) }`;
    const throughGateway = await graphql(stack.gatewayUrl, query, {}, await as("admin"));
    expect(throughGateway.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    for (const subject of ["service:gateway", "service:universities"]) {
      const direct = await graphql(stack.subgraphUrls.enterprises, query, {}, signedFor(stack.internalSecret, "enterprises", { role: "service", subject }));
      expect(direct.errors?.[0].extensions?.code, subject).toBe("FORBIDDEN");
    }
  });
});
