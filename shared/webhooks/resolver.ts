/**
 * Subscriptions as a partner system manages them. A subscription belongs to
 * the credential that made it (subject, role, institution): only that
 * credential, or an administrator, sees and changes it, and its events are
 * what that credential may read, confidential values included only where it
 * may read them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import { badUserInput, conflict, forbidden, notFound } from "../graphql/errors";
import { requireId } from "../audit/writes";
import { registerInputRules } from "../records/input-fields";
import { each, integer, maxItems, oneOf, required, text, validate, type Rule, type Rules } from "../records/validation";
import { destinationProblem } from "./destination";
import { WEBHOOK_CHANNEL } from "./channel";
import { WebhookDelivery, WebhookSubscription } from "./entities";
import {
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookEventTypeInfo,
  WebhookSubscriptionCreateInput,
  WebhookSubscriptionStatus,
  WebhookSubscriptionUpdateInput,
  WebhookSubscriptionView,
} from "./graphql-types";
import type { WebhookHub, WebhookSource } from "./source";

const MAX_SUBSCRIPTIONS_PER_OWNER = 50;
const MAX_THRESHOLDS = 5;
const MAX_DESCRIPTION = 500;
const RECENT_DELIVERIES = 100;
const OWNER_ROLES = new Set(["reader", "editor", "analyst", "admin"]);

/** A fresh Standard Webhooks secret: 24 random bytes, base64, `whsec_` in front. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

function view(row: WebhookSubscription, secret: string | null = null): WebhookSubscriptionView {
  return Object.assign(new WebhookSubscriptionView(), {
    secret,
    id: row.id,
    url: row.url,
    events: row.eventTypes,
    expiryDays: row.expiryDays,
    status: row.status as WebhookSubscriptionStatus,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

function deliveryView(row: WebhookDelivery): WebhookDeliveryView {
  return Object.assign(new WebhookDeliveryView(), {
    ...row,
    status: row.status as WebhookDeliveryStatus,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
  });
}

function requireOwnerRole(context: SubgraphContext, action: string): void {
  context.access.requireAuthenticated(action);
  if (!OWNER_ROLES.has(context.access.principal.role)) {
    throw forbidden(`The ${context.access.principal.role} role cannot ${action}; a reader's, editor's or analyst's credential of a partner system can.`);
  }
}

function isOwner(context: SubgraphContext, row: WebhookSubscription): boolean {
  const { principal } = context.access;
  return row.ownerSubject === principal.subject && row.ownerRole === principal.role && (row.ownerInstitutionId ?? undefined) === principal.institution?.id;
}

/** The subscription, locked, if the caller owns it (or is an administrator); NOT_FOUND otherwise, so ids of others' stay unknown. */
async function ownedLocked(context: SubgraphContext, manager: EntityManager, id: string, version?: number, field = "id"): Promise<WebhookSubscription> {
  const row = await manager.getRepository(WebhookSubscription).createQueryBuilder("s").setLock("pessimistic_write").where("s.id = :id", { id: requireId(id, "WebhookSubscription", field) }).getOne();
  if (!row || !(isOwner(context, row) || context.access.isAdmin)) throw notFound(`No webhook subscription of yours has id ${id}.`);
  if (version !== undefined && row.version !== version) {
    throw conflict(`The webhook subscription was changed since you read it (it is at version ${row.version}, you sent ${version}); read it again.`);
  }
  return row;
}

/** A destination as the house rules write it: a code-like value (a URL), with an example for the hostile-input suite. */
function destinationRule(allowLocal: () => boolean): Rule {
  return Object.assign((value: unknown) => (typeof value === "string" ? destinationProblem(value, allowLocal())?.replace(/^url /, "") ?? null : "must be a URL"), {
    kind: "code" as const,
    example: "https://hooks.example.org/partnergraph",
  });
}

type SubscriptionFields = { url?: string | null; events?: string[] | null; expiryDays?: number[] | null; description?: string | null };

/** The rules of both inputs (registered, so the hostile-input suite attacks every field). */
function subscriptionRules(hub: WebhookHub, allowLocal: () => boolean): Rules<SubscriptionFields> {
  const eventType = Object.assign(oneOf(hub.eventTypes.map((type) => type.name)), { kind: "code" as const, example: hub.eventTypes[0].name });
  return {
    url: [destinationRule(allowLocal)],
    events: [maxItems(hub.eventTypes.length), each(eventType)],
    // The example is a number: the list is of Int (the hostile suite fills lists with it).
    expiryDays: [maxItems(MAX_THRESHOLDS), each(Object.assign(integer(1, 366), { example: 30 as unknown as string }))],
    description: [text(MAX_DESCRIPTION)],
  };
}

function checkFields(rules: Rules<SubscriptionFields>, fields: SubscriptionFields, path: string): void {
  validate(fields, rules, path);
  if (fields.url === null) throw badUserInput("url cannot be null", `${path}.url`);
  if (fields.events !== undefined) {
    if (!fields.events || fields.events.length === 0) throw badUserInput("events must name at least one event type", `${path}.events`);
    if (new Set(fields.events).size !== fields.events.length) throw badUserInput("events must not repeat", `${path}.events`);
  }
  if (fields.expiryDays && new Set(fields.expiryDays).size !== fields.expiryDays.length) throw badUserInput("expiryDays must not repeat", `${path}.expiryDays`);
}

function setStatus(context: SubgraphContext, id: string, version: number, status: "ACTIVE" | "PAUSED"): Promise<WebhookSubscriptionView> {
  requireOwnerRole(context, status === "PAUSED" ? "pause a webhook subscription" : "resume a webhook subscription");
  return context.dataSource.transaction(async (manager) => {
    const row = await ownedLocked(context, manager, id, version);
    await manager.update(WebhookSubscription, { id: row.id }, { status, version: row.version + 1 });
    if (status === "ACTIVE") await manager.query(`NOTIFY ${WEBHOOK_CHANNEL}`);
    return view(await manager.findOneByOrFail(WebhookSubscription, { id: row.id }));
  });
}

function requireThresholds(source: WebhookSource, events: string[], expiryDays: number[], path: string): void {
  if (events.includes(source.expiringEventType) && expiryDays.length === 0) throw badUserInput(`${source.expiringEventType} needs expiryDays (for example [90, 30])`, `${path}.expiryDays`);
}

export function webhookResolvers(hub: WebhookHub) {
  const { source } = hub;
  // Which destinations are allowed is the serving process's setting; the rules read it per request.
  let allowLocal = false;
  const rules = subscriptionRules(hub, () => allowLocal);
  registerInputRules("WebhookSubscriptionCreateInput", { ...rules, url: [required, ...rules.url!], events: [required, ...rules.events!] });
  registerInputRules("WebhookSubscriptionUpdateInput", rules);
  const check = (context: SubgraphContext, fields: SubscriptionFields) => {
    allowLocal = context.webhookLocalDestinations;
    checkFields(rules, fields, "input");
  };
  @Resolver()
  class WebhookResolver {
    @Query(() => [WebhookEventTypeInfo], { description: "The event types a webhook subscription can name." })
    webhookEventTypes(): WebhookEventTypeInfo[] {
      return hub.eventTypes.map((type) => Object.assign(new WebhookEventTypeInfo(), { name: type.name, description: type.description }));
    }

    @Query(() => [WebhookSubscriptionView], { description: "The webhook subscriptions of your credential, newest first, with their recent deliveries. Needs a token." })
    async webhookSubscriptions(@Ctx() context: SubgraphContext): Promise<WebhookSubscriptionView[]> {
      requireOwnerRole(context, "list webhook subscriptions");
      const { principal } = context.access;
      const rows = await context.dataSource.getRepository(WebhookSubscription).find({
        where: { ownerSubject: principal.subject, ownerRole: principal.role },
        order: { createdAt: "DESC" },
      });
      return rows.filter((row) => isOwner(context, row)).map((row) => view(row));
    }

    @Mutation(() => WebhookSubscriptionView, {
      description: `Subscribes your credential to events (see \`webhookEventTypes\`) at a URL; the answer's \`secret\` is the signing secret, shown only now and at rotation. Events about records your credential may read (an institution's credential: records it is a party to or owns; analysts and administrators: all), from the moment of creation. At most ${MAX_SUBSCRIPTIONS_PER_OWNER} per credential.`,
    })
    async createWebhookSubscription(
      @Arg("input", () => WebhookSubscriptionCreateInput, { description: "The subscription." }) input: WebhookSubscriptionCreateInput,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookSubscriptionView> {
      requireOwnerRole(context, "subscribe to webhooks");
      check(context, input);
      const expiryDays = [...(input.expiryDays ?? [])].sort((a, b) => b - a);
      requireThresholds(source, input.events, expiryDays, "input");
      const { principal } = context.access;
      return context.dataSource.transaction(async (manager) => {
        // One owner's creations queue here, so the limit holds under concurrent requests.
        await manager.query("SELECT pg_advisory_xact_lock(hashtext('webhook-owner:' || $1))", [principal.subject]);
        const owned = await manager.getRepository(WebhookSubscription).count({ where: { ownerSubject: principal.subject, ownerRole: principal.role } });
        if (owned >= MAX_SUBSCRIPTIONS_PER_OWNER) throw badUserInput(`a credential may have at most ${MAX_SUBSCRIPTIONS_PER_OWNER} webhook subscriptions; delete one first`, "input");
        const secret = newSecret();
        const id = randomUUID();
        await manager.insert(WebhookSubscription, {
          id,
          ownerSubject: principal.subject,
          ownerRole: principal.role,
          ownerInstitutionType: principal.institution?.type ?? null,
          ownerInstitutionId: principal.institution?.id ?? null,
          url: input.url,
          eventTypes: input.events,
          expiryDays,
          secret,
          status: "ACTIVE",
          description: input.description ?? null,
          version: 1,
        });
        const row = await manager.findOneByOrFail(WebhookSubscription, { id });
        return view(row, secret);
      });
    }

    @Mutation(() => WebhookSubscriptionView, { description: "Changes a subscription's URL, events, thresholds or note. `version` must be the one you read (else CONFLICT)." })
    updateWebhookSubscription(
      @Arg("id", () => ID, { description: "The subscription." }) id: string,
      @Arg("version", () => Int, { description: "The version you read." }) version: number,
      @Arg("input", () => WebhookSubscriptionUpdateInput, { description: "What changes." }) input: WebhookSubscriptionUpdateInput,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookSubscriptionView> {
      requireOwnerRole(context, "change a webhook subscription");
      check(context, input);
      return context.dataSource.transaction(async (manager) => {
        const row = await ownedLocked(context, manager, id, version);
        const events = input.events ?? row.eventTypes;
        const expiryDays = input.expiryDays === undefined || input.expiryDays === null ? row.expiryDays : [...input.expiryDays].sort((a, b) => b - a);
        requireThresholds(source, events, expiryDays, "input");
        const changes: Partial<WebhookSubscription> = {
          url: input.url ?? row.url,
          eventTypes: events,
          expiryDays,
          description: input.description === undefined ? row.description : input.description,
          version: row.version + 1,
        };
        await manager.update(WebhookSubscription, { id: row.id }, changes);
        return view(await manager.findOneByOrFail(WebhookSubscription, { id: row.id }));
      });
    }

    @Mutation(() => WebhookSubscriptionView, { description: "Pauses a subscription: its events are kept, in order, and sent once it is resumed. `version` must be the one you read (else CONFLICT)." })
    pauseWebhookSubscription(
      @Arg("id", () => ID, { description: "The subscription." }) id: string,
      @Arg("version", () => Int, { description: "The version you read." }) version: number,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookSubscriptionView> {
      return setStatus(context, id, version, "PAUSED");
    }

    @Mutation(() => WebhookSubscriptionView, { description: "Resumes a paused subscription: what was kept meanwhile goes out first, in order. `version` must be the one you read (else CONFLICT)." })
    resumeWebhookSubscription(
      @Arg("id", () => ID, { description: "The subscription." }) id: string,
      @Arg("version", () => Int, { description: "The version you read." }) version: number,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookSubscriptionView> {
      return setStatus(context, id, version, "ACTIVE");
    }

    @Mutation(() => ID, { description: "Deletes a subscription and its deliveries (pending ones are not sent). Returns its id." })
    deleteWebhookSubscription(@Arg("id", () => ID, { description: "The subscription." }) id: string, @Ctx() context: SubgraphContext): Promise<string> {
      requireOwnerRole(context, "delete a webhook subscription");
      return context.dataSource.transaction(async (manager) => {
        const row = await ownedLocked(context, manager, id);
        await manager.delete(WebhookDelivery, { subscriptionId: row.id });
        await manager.delete(WebhookSubscription, { id: row.id });
        return row.id;
      });
    }

    @Mutation(() => WebhookSubscriptionView, { description: "Replaces a subscription's signing secret; attempts from now on are signed with the new one, the answer's `secret` (shown only now)." })
    rotateWebhookSecret(@Arg("id", () => ID, { description: "The subscription." }) id: string, @Ctx() context: SubgraphContext): Promise<WebhookSubscriptionView> {
      requireOwnerRole(context, "rotate a webhook secret");
      return context.dataSource.transaction(async (manager) => {
        const row = await ownedLocked(context, manager, id);
        const secret = newSecret();
        await manager.update(WebhookSubscription, { id: row.id }, { secret, version: row.version + 1 });
        return view(await manager.findOneByOrFail(WebhookSubscription, { id: row.id }), secret);
      });
    }

    @Mutation(() => WebhookDeliveryView, { description: "Sends a delivery again, with the same `webhook-id`: a FAILED one (kept after its retries ran out) or a DELIVERED one the receiver lost. It goes out after the record's earlier pending deliveries." })
    async redeliverWebhook(@Arg("deliveryId", () => ID, { description: "The delivery (`WebhookDelivery.id`)." }) deliveryId: string, @Ctx() context: SubgraphContext): Promise<WebhookDeliveryView> {
      requireOwnerRole(context, "redeliver a webhook");
      if (!/^\d{1,18}$/.test(deliveryId)) throw badUserInput("deliveryId must be a delivery's id (a number)", "deliveryId");
      return context.dataSource.transaction(async (manager) => {
        const delivery = await manager.findOneBy(WebhookDelivery, { id: deliveryId });
        if (!delivery) throw notFound(`No webhook delivery of yours has id ${deliveryId}.`);
        await ownedLocked(context, manager, delivery.subscriptionId).catch(() => {
          throw notFound(`No webhook delivery of yours has id ${deliveryId}.`);
        });
        if (delivery.status === "PENDING") throw badUserInput("the delivery is still pending: it will be sent (again) by itself", "deliveryId");
        await manager.update(WebhookDelivery, { id: delivery.id }, { status: "PENDING", attempts: 0, firstAttemptAt: null, nextAttemptAt: new Date(), lastError: null });
        await manager.query(`NOTIFY ${WEBHOOK_CHANNEL}`);
        return deliveryView(await manager.findOneByOrFail(WebhookDelivery, { id: delivery.id }));
      });
    }
  }
  /** A subscription's recent deliveries: only its owner lists subscriptions, so only its owner reaches these. */
  @Resolver(() => WebhookSubscriptionView)
  class WebhookDeliveriesResolver {
    @FieldResolver(() => [WebhookDeliveryView], { description: `Recent deliveries, newest first (at most ${RECENT_DELIVERIES}): their attempts, outcome and the id \`redeliverWebhook\` takes.` })
    async recentDeliveries(
      @Root() subscription: WebhookSubscriptionView,
      @Arg("status", () => WebhookDeliveryStatus, { nullable: true, description: "Only deliveries in this state." }) status: WebhookDeliveryStatus | null,
      @Arg("first", () => Int, { nullable: true, description: `How many (at most ${RECENT_DELIVERIES}, 20 by default).` }) first: number | null,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookDeliveryView[]> {
      if (first !== null && (first < 0 || first > RECENT_DELIVERIES)) throw badUserInput(`first must be from 0 to ${RECENT_DELIVERIES}`, "first");
      const rows = await context.dataSource.getRepository(WebhookDelivery).find({
        where: { subscriptionId: subscription.id, ...(status ? { status } : {}) },
        order: { id: "DESC" },
        take: first ?? 20,
      });
      return rows.map(deliveryView);
    }
  }
  return [WebhookResolver, WebhookDeliveriesResolver] as const;
}
