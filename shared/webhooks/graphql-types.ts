/** The GraphQL face of webhooks: subscriptions, deliveries, and what creation and rotation return. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../graphql/scalars";

export enum WebhookSubscriptionStatus {
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
}
registerEnumType(WebhookSubscriptionStatus, {
  name: "WebhookSubscriptionStatus",
  description: "Whether a webhook subscription is being delivered.",
  valuesConfig: {
    ACTIVE: { description: "Events are delivered as they happen." },
    PAUSED: { description: "Events are kept (queued, in order) and delivered once the subscription is resumed." },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}
registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where one delivery of one event stands.",
  valuesConfig: {
    PENDING: { description: "Not yet delivered: waiting for its turn, or for its next attempt after a failed one." },
    DELIVERED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Every attempt failed for WEBHOOK_RETRY_WINDOW_MS (25 hours by default); kept, and sent again by `redeliverWebhook`." },
  },
});

@ObjectType("WebhookDelivery", { description: "One event sent (or to be sent) to one subscription, with its attempts." })
export class WebhookDeliveryView {
  @Field(() => ID, { description: "The delivery's number (what `redeliverWebhook` takes)." })
  id: string;

  @Field(() => String, { description: "The `webhook-id` header: the same on every attempt and redelivery; deduplicate by it." })
  messageId: string;

  @Field(() => String, { description: "The payload's `type`, e.g. `program.amended`." })
  eventType: string;

  @Field(() => WebhookDeliveryStatus, { description: "Where it stands." })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: "Attempts made so far." })
  attempts: number;

  @Field(() => DateTimeScalar, { description: "When the change was committed (or the expiry notice computed)." })
  occurredAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was last tried." })
  lastAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it will be tried next, while PENDING." })
  nextAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the receiver accepted it." })
  deliveredAt: Date | null;

  @Field(() => Int, { nullable: true, description: "HTTP status of the last answer, if there was one." })
  lastResponseStatus: number | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed (timeout, refused connection, status and the start of the answer)." })
  lastError: string | null;
}

@ObjectType("WebhookSubscription", { description: "Where a partner system's credential wants to be told of changes: its URL, the events, and their deliveries." })
export class WebhookSubscriptionView {
  @Field(() => ID, { description: "The subscription's id." })
  id: string;

  @Field(() => String, { description: "Where events are POSTed." })
  url: string;

  @Field(() => [String], { description: "The event types delivered (`program.created`, ...; see `webhookEventTypes`)." })
  events: string[];

  @Field(() => [Int], { description: "Days before a program's end at which `program.expiring` is sent, once per threshold." })
  expiryDays: number[];

  @Field(() => WebhookSubscriptionStatus, { description: "ACTIVE or PAUSED." })
  status: WebhookSubscriptionStatus;

  @Field(() => String, { nullable: true, description: "What the owner wrote about it." })
  description: string | null;

  @Field(() => Int, { description: "Raised by every change; updates and pauses send the version read (else CONFLICT)." })
  version: number;

  @Field(() => DateTimeScalar, { description: "When it was created: events committed before are not delivered to it." })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When it last changed." })
  updatedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "The Standard Webhooks signing secret (`whsec_` and base64) to verify `webhook-signature` with: only in the answer of `createWebhookSubscription` and `rotateWebhookSecret`, null everywhere else (keep it where you keep passwords).",
  })
  secret: string | null;
}

@ObjectType("WebhookEventTypeInfo", { description: "An event type a subscription can name." })
export class WebhookEventTypeInfo {
  @Field(() => String, { description: "Its name, as subscriptions and payloads write it." })
  name: string;

  @Field(() => String, { description: "When it is sent." })
  description: string;
}

@InputType("WebhookSubscriptionCreateInput", { description: "A new webhook subscription." })
export class WebhookSubscriptionCreateInput {
  @Field(() => String, { description: "Where to POST events: https (WEBHOOK_LOCAL_DESTINATIONS allows http and local addresses)." })
  url: string;

  @Field(() => [String], { description: "Event types to deliver (see `webhookEventTypes`)." })
  events: string[];

  @Field(() => [Int], { nullable: true, description: "Days before a program's end for `program.expiring` (1 to 366, at most 5); needed with that event." })
  expiryDays?: number[] | null;

  @Field(() => String, { nullable: true, description: "A note for the owner (at most 500 characters)." })
  description?: string | null;
}

@InputType("WebhookSubscriptionUpdateInput", { description: "What changes in a webhook subscription; omitted fields stay." })
export class WebhookSubscriptionUpdateInput {
  @Field(() => String, { nullable: true, description: "A new destination." })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: "The new list of event types." })
  events?: string[] | null;

  @Field(() => [Int], { nullable: true, description: "The new expiry thresholds in days." })
  expiryDays?: number[] | null;

  @Field(() => String, { nullable: true, description: "The new note." })
  description?: string | null;
}
