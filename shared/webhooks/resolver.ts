/**
 * Subscriptions as a partner system manages them. A subscription belongs to
 * the credential that made it (subject, role, institution): only that
 * credential, or an administrator, sees and changes it, and its events are
 * what that credential may read, confidential values included only where it
 * may read them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import { badUserInput, conflict, forbidden, notFound } from "../graphql/errors";
import { requireId } from "../audit/writes";
import { destinationProblem } from "./destination";
import { WebhookDelivery, WebhookSubscription } from "./entities";
import {
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookEventTypeInfo,
  WebhookSubscriptionCreateInput,
  WebhookSubscriptionSecret,
  WebhookSubscriptionStatus,
  WebhookSubscriptionUpdateInput,
  WebhookSubscriptionView,
} from "./graphql-types";
import type { WebhookSource } from "./source";

const MAX_SUBSCRIPTIONS_PER_OWNER = 20;
const MAX_THRESHOLDS = 5;
const MAX_DESCRIPTION = 500;
const RECENT_DELIVERIES = 100;
const OWNER_ROLES = new Set(["reader", "editor", "analyst", "admin"]);

/** A fresh Standard Webhooks secret: 24 random bytes, base64, `whsec_` in front. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

function view(row: WebhookSubscription): WebhookSubscriptionView {
  return Object.assign(new WebhookSubscriptionView(), {
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
async function ownedLocked(context: SubgraphContext, manager: EntityManager, id: string, version?: number): Promise<WebhookSubscription> {
  const row = await manager.getRepository(WebhookSubscription).createQueryBuilder("s").setLock("pessimistic_write").where("s.id = :id", { id: requireId(id, "WebhookSubscription") }).getOne();
  if (!row || !(isOwner(context, row) || context.access.isAdmin)) throw notFound(`No webhook subscription of yours has id ${id}.`);
  if (version !== undefined && row.version !== version) {
    throw conflict(`The webhook subscription was changed since you read it (it is at version ${row.version}, you sent ${version}); read it again.`);
  }
  return row;
}

function checkFields(source: WebhookSource, allowLocal: boolean, fields: { url?: string | null; events?: string[] | null; expiryDays?: number[] | null; description?: string | null }, path: string): void {
  if (fields.url !== undefined) {
    const problem = fields.url === null ? "url cannot be null" : destinationProblem(fields.url, allowLocal);
    if (problem) throw badUserInput(problem, `${path}.url`);
  }
  if (fields.events !== undefined) {
    const known = source.eventTypes.map((type) => type.name);
    if (!fields.events || fields.events.length === 0) throw badUserInput("events must name at least one event type", `${path}.events`);
    fields.events.forEach((event, index) => {
      if (!known.includes(event)) throw badUserInput(`unknown event type ${JSON.stringify(event.slice(0, 60))}; known: ${known.join(", ")}`, `${path}.events[${index}]`);
    });
    if (new Set(fields.events).size !== fields.events.length) throw badUserInput("events must not repeat", `${path}.events`);
  }
  if (fields.expiryDays !== undefined && fields.expiryDays !== null) {
    if (fields.expiryDays.length > MAX_THRESHOLDS) throw badUserInput(`expiryDays takes at most ${MAX_THRESHOLDS} thresholds`, `${path}.expiryDays`);
    fields.expiryDays.forEach((days, index) => {
      if (!Number.isInteger(days) || days < 1 || days > 366) throw badUserInput("each threshold is a whole number of days from 1 to 366", `${path}.expiryDays[${index}]`);
    });
    if (new Set(fields.expiryDays).size !== fields.expiryDays.length) throw badUserInput("expiryDays must not repeat", `${path}.expiryDays`);
  }
  if (fields.description && fields.description.length > MAX_DESCRIPTION) throw badUserInput(`description must be at most ${MAX_DESCRIPTION} characters`, `${path}.description`);
}

function requireThresholds(source: WebhookSource, events: string[], expiryDays: number[], path: string): void {
  if (events.includes(source.expiringEventType) && expiryDays.length === 0) throw badUserInput(`${source.expiringEventType} needs expiryDays (for example [90, 30])`, `${path}.expiryDays`);
}

export function webhookResolvers(source: WebhookSource) {
  @Resolver()
  class WebhookResolver {
    @Query(() => [WebhookEventTypeInfo], { description: "The event types a webhook subscription can name." })
    webhookEventTypes(): WebhookEventTypeInfo[] {
      return source.eventTypes.map((type) => Object.assign(new WebhookEventTypeInfo(), { name: type.name, description: type.description }));
    }

    @Query(() => [WebhookSubscriptionView], { description: "The webhook subscriptions of your credential, newest first. Needs a token." })
    async webhookSubscriptions(@Ctx() context: SubgraphContext): Promise<WebhookSubscriptionView[]> {
      requireOwnerRole(context, "list webhook subscriptions");
      const { principal } = context.access;
      const rows = await context.dataSource.getRepository(WebhookSubscription).find({
        where: { ownerSubject: principal.subject, ownerRole: principal.role },
        order: { createdAt: "DESC" },
      });
      return rows.filter((row) => isOwner(context, row)).map(view);
    }

    @Query(() => [WebhookDeliveryView], { description: `Recent deliveries of one of your subscriptions, newest first (at most ${RECENT_DELIVERIES}).` })
    async webhookDeliveries(
      @Arg("subscriptionId", () => ID, { description: "The subscription." }) subscriptionId: string,
      @Arg("status", () => WebhookDeliveryStatus, { nullable: true, description: "Only deliveries in this state." }) status: WebhookDeliveryStatus | null,
      @Arg("first", () => Int, { nullable: true, description: `How many (at most ${RECENT_DELIVERIES}, 20 by default).` }) first: number | null,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookDeliveryView[]> {
      requireOwnerRole(context, "list webhook deliveries");
      if (first !== null && (first < 0 || first > RECENT_DELIVERIES)) throw badUserInput(`first must be from 0 to ${RECENT_DELIVERIES}`, "first");
      const subscription = await context.dataSource.transaction((manager) => ownedLocked(context, manager, subscriptionId));
      const rows = await context.dataSource.getRepository(WebhookDelivery).find({
        where: { subscriptionId: subscription.id, ...(status ? { status } : {}) },
        order: { id: "DESC" },
        take: first ?? 20,
      });
      return rows.map(deliveryView);
    }

    @Mutation(() => WebhookSubscriptionSecret, {
      description: `Subscribes your credential to events (see \`webhookEventTypes\`) at a URL; returns the signing secret, shown only now and at rotation. Events about records your credential may read (an institution's credential: records it is a party to or owns; analysts and administrators: all), from the moment of creation. At most ${MAX_SUBSCRIPTIONS_PER_OWNER} per credential.`,
    })
    async createWebhookSubscription(
      @Arg("input", () => WebhookSubscriptionCreateInput, { description: "The subscription." }) input: WebhookSubscriptionCreateInput,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookSubscriptionSecret> {
      requireOwnerRole(context, "subscribe to webhooks");
      checkFields(source, context.webhookLocalDestinations, input, "input");
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
        return Object.assign(new WebhookSubscriptionSecret(), { subscription: view(row), secret });
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
      checkFields(source, context.webhookLocalDestinations, input, "input");
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

    @Mutation(() => WebhookSubscriptionView, { description: "Pauses (or, with `paused: false`, resumes) a subscription. While paused its events are kept, in order, and sent on resumption." })
    pauseWebhookSubscription(
      @Arg("id", () => ID, { description: "The subscription." }) id: string,
      @Arg("version", () => Int, { description: "The version you read." }) version: number,
      @Arg("paused", () => Boolean, { defaultValue: true, description: "false resumes it." }) paused: boolean,
      @Ctx() context: SubgraphContext,
    ): Promise<WebhookSubscriptionView> {
      requireOwnerRole(context, "pause a webhook subscription");
      return context.dataSource.transaction(async (manager) => {
        const row = await ownedLocked(context, manager, id, version);
        await manager.update(WebhookSubscription, { id: row.id }, { status: paused ? "PAUSED" : "ACTIVE", version: row.version + 1 });
        return view(await manager.findOneByOrFail(WebhookSubscription, { id: row.id }));
      });
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

    @Mutation(() => WebhookSubscriptionSecret, { description: "Replaces a subscription's signing secret; attempts from now on are signed with the new one, which is returned (shown only now)." })
    rotateWebhookSecret(@Arg("id", () => ID, { description: "The subscription." }) id: string, @Ctx() context: SubgraphContext): Promise<WebhookSubscriptionSecret> {
      requireOwnerRole(context, "rotate a webhook secret");
      return context.dataSource.transaction(async (manager) => {
        const row = await ownedLocked(context, manager, id);
        const secret = newSecret();
        await manager.update(WebhookSubscription, { id: row.id }, { secret, version: row.version + 1 });
        return Object.assign(new WebhookSubscriptionSecret(), { subscription: view(await manager.findOneByOrFail(WebhookSubscription, { id: row.id })), secret });
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
        await manager.query("NOTIFY partnergraph_webhooks");
        return deliveryView(await manager.findOneByOrFail(WebhookDelivery, { id: delivery.id }));
      });
    }
  }
  return WebhookResolver;
}
