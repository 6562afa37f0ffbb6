/**
 * type-graphql classes → a Federation 2 subgraph schema. type-graphql builds
 * an ordinary schema (with `@key`/`@shareable` as directives on its types);
 * printing it with those directives and handing it to @apollo/subgraph adds
 * `_service`, `_entities` and the `@link` to the federation spec.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { isUnionType, parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage } from "type-graphql";
import { badUserInput } from "../graphql/errors";
import { isUuid } from "../records/ids";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { ReferenceResolver, SubgraphDefinition } from "./definition";

// Demand control: `@cost` and `@listSize` (IBM's convention, Apollo's cost spec) declare beside a field what it costs, and reach the supergraph.
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"]) @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost", "@listSize"])`;

/** Each table's GraphQL type with a `@key`: the gateway's `_entities` lookups of it, by id and batched. */
export function ownEntityReferences(definition: SubgraphDefinition): Record<string, ReferenceResolver<unknown>> {
  const metadata = getMetadataStorage();
  const references: Record<string, ReferenceResolver<unknown>> = {};
  for (const entity of definition.entities) {
    const keyed = metadata.classDirectives.some((d) => d.target === entity && d.directive.nameOrDefinition.startsWith("@key"));
    const type = metadata.objectTypes.find((t) => t.target === entity);
    if (keyed && type) references[type.name] = (reference, context) => context.lookup(entity as EntityTarget<ObjectLiteral>).load(reference.id);
  }
  return references;
}

/**
 * type-graphql gives the root types no description. Every subgraph gets the
 * same one, so the composed supergraph (and GraphiQL) shows it.
 */
const ROOT_TYPE_DESCRIPTIONS = {
  Query: "Where every read starts: one record by its id or slug, or a filtered list of records, page by page.",
  Mutation: "Where every write starts: each institution's systems create and change their own records here.",
} as const;

export async function buildFederatedSchema(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  // Parameter decorators run last to first, so type-graphql would list a field's
  // arguments in reverse; sort them back into declaration order (the public contract).
  getMetadataStorage().params.sort((a, b) => a.index - b.index);
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    // Federation adds Query._service/_entities later; an entity-only subgraph may have no Query yet.
    skipCheck: true,
    // Input is validated explicitly by each mutation through shared/records/validation, not by reflection.
    validate: false,
  });
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (root && !root.description) root.description = ROOT_TYPE_DESCRIPTIONS[root.name as keyof typeof ROOT_TYPE_DESCRIPTIONS];
  }
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries({ ...ownEntityReferences(definition), ...definition.referenceResolvers })) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  const federated = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    resolvers: resolvers as any,
  });
  checkRepresentations(federated);
  return federated;
}

/**
 * `_entities` representations come from the gateway, yet a malformed one (an
 * unknown type, an id that is no UUID) must be bad input, not a fault deep in
 * federation or the database.
 */
function checkRepresentations(schema: GraphQLSchema): void {
  const entities = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType("_Entity");
  if (!entities?.resolve || !isUnionType(entityUnion)) return;
  const resolve = entities.resolve;
  const known = new Set(entityUnion.getTypes().map((type) => type.name));
  entities.resolve = (source, args, context, info) => {
    (args.representations as unknown[]).forEach((representation, i) => {
      const { __typename, id } = (representation ?? {}) as { __typename?: unknown; id?: unknown };
      if (typeof __typename !== "string" || !known.has(__typename) || typeof id !== "string" || !isUuid(id)) {
        throw badUserInput(`representations[${i}] must name an entity type of this service and its id (a UUID)`, `representations[${i}]`);
      }
    });
    return resolve(source, args, context, info);
  };
}
