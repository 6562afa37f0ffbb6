/**
 * What a subgraph folder hands to the shared bootstrap. Each of the three
 * `subgraphs/<name>/index.ts` exports one of these and nothing else differs
 * in how they start.
 */
import type { NonEmptyArray } from "type-graphql";
import type { DataSource } from "typeorm";
import type { SubgraphName } from "../config";
import type { SubgraphContext } from "./context";
import type { RecordLookup } from "../graphql/dataloaders";
import type { Logger } from "../logger";
import type { WebhookHub } from "../webhooks/source";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/** Turns an entity representation from the gateway (`{ __typename, id }`) into the full object. */
export type ReferenceResolver<Loaders> = (
  reference: { __typename: string; id: string },
  context: SubgraphContext<Loaders>,
) => unknown;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface SubgraphDefinition<Loaders = any> {
  name: SubgraphName;
  /** TypeORM entities of the subgraph's own PostgreSQL schema (named like the subgraph). */
  entities: Class[];
  /** Committed TypeORM migrations, oldest first. */
  migrations: Class[];
  /** type-graphql resolver classes. */
  resolvers: NonEmptyArray<Class>;
  /** Types the schema must contain although no resolver returns them directly. */
  orphanedTypes?: Class[];
  /**
   * `__resolveReference` of the entity types the subgraph extends (or resolves
   * unusually), keyed by type name; an entity type of its own tables is
   * looked up by id without one.
   */
  referenceResolvers?: Record<string, ReferenceResolver<Loaders>>;
  /** It keeps the webhook subscriptions and delivers the events of its own audit log and of its peers' (shared/webhooks). */
  webhooks?: WebhookHub;
  /** Fresh DataLoaders for one request (lookups by id or slug come from the lookup, not from here). */
  createLoaders(dataSource: DataSource, lookup: RecordLookup): Loaders;
  /** Loads the article data; must be idempotent. */
  seed(dataSource: DataSource, logger: Logger): Promise<void>;
}
