/**
 * What `node(id:)` and `nodes(ids:)` need: the type of each id. Ids are UUIDs
 * that say nothing about their type, so this subgraph looks in its own tables
 * (programs, parties, activities, versions, approvals) and asks each other subgraph once, with one
 * `_entities` query naming every id as each of its types: a constant number
 * of fetches and statements however many ids, of however many types, are
 * asked. Types this subgraph does not own come back as `{ __typename, id }`;
 * the gateway fetches their fields from the owner.
 */
import type { GraphQLError } from "graphql";
import type { SubgraphName } from "../../shared/config";
import type { NodeValue } from "../../shared/graphql/node";
import type { ProgramsContext } from "./context";
import { SUBGRAPH_REGISTRY, peersOf } from "../../shared/subgraph/registry";
import { Activity } from "./entities/activity";
import { Program } from "./entities/program";
import { ProgramApproval } from "./entities/program-approval";
import { ProgramParty } from "./entities/program-party";
import { ProgramVersion } from "./entities/program-version";

/** This subgraph's tables whose rows are nodes, by GraphQL type. */
const OWN_NODE_TYPES = [
  ["Program", Program],
  ["ProgramParty", ProgramParty],
  ["Activity", Activity],
  ["ProgramVersion", ProgramVersion],
  ["ProgramApproval", ProgramApproval],
] as const;

/** The other subgraphs' types that are nodes (the entity types the registry says each owns), as each owner calls them. */
const FOREIGN_NODE_TYPES: Partial<Record<SubgraphName, readonly string[]>> = Object.fromEntries(
  SUBGRAPH_REGISTRY.filter((entry) => peersOf("programs").includes(entry.name)).map((entry) => [entry.name, entry.entityTypes]),
);

/** Each id's node, or null when no type has it, or the error of an owner that could not be asked when no one else had it. */
export async function findNodes(context: ProgramsContext, ids: readonly string[]): Promise<(NodeValue | GraphQLError | null)[]> {
  if (ids.length === 0) return [];
  const [own, ...foreign] = await Promise.all([
    findOwn(context, ids),
    ...Object.entries(FOREIGN_NODE_TYPES).map(([peer, types]) => askOwner(context, peer as SubgraphName, types, ids)),
  ]);
  return ids.map((id, i) => {
    const found = own[i] ?? foreign.map((answer) => (answer instanceof Error ? undefined : answer.get(id))).find(Boolean);
    if (found) return found;
    // Without that owner's answer, "no such node" would be a guess.
    return foreign.find((answer): answer is GraphQLError => answer instanceof Error) ?? null;
  });
}

async function findOwn(context: ProgramsContext, ids: readonly string[]): Promise<(NodeValue | null)[]> {
  const found = await Promise.all(OWN_NODE_TYPES.map(([, entity]) => context.lookup<object>(entity).loadMany(ids)));
  return ids.map((_, i) => {
    for (const [t, [typename]] of OWN_NODE_TYPES.entries()) {
      const row = found[t][i];
      if (row instanceof Error) throw row;
      if (row) return Object.assign(row, { __typename: typename }) as NodeValue;
    }
    return null;
  });
}

/** One `_entities` query to the owner: every id as every one of its node types; the types that answer are the ids' types. */
async function askOwner(context: ProgramsContext, peer: SubgraphName, types: readonly string[], ids: readonly string[]): Promise<Map<string, NodeValue> | GraphQLError> {
  const representations = ids.flatMap((id) => types.map((__typename) => ({ __typename, id })));
  try {
    const { _entities } = await context.peers.query<{ _entities: ({ __typename: string } | null)[] }>(
      peer,
      `query NodeTypes($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`,
      { representations },
      context.requestId,
    );
    const found = new Map<string, NodeValue>();
    _entities.forEach((entity, i) => {
      if (entity) found.set(representations[i].id, { __typename: representations[i].__typename, id: representations[i].id });
    });
    return found;
  } catch (error) {
    return error as GraphQLError;
  }
}
