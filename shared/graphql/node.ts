/**
 * Relay's Global Object Identification: every stored record (enterprises,
 * universities, their units, contacts and people, programs, their parties and
 * activities) is a `Node`, and `node(id:)` / `nodes(ids:)` (in the programs
 * subgraph, subgraphs/programs/resolvers/node.resolver.ts) refetch any of them
 * by the UUID it already has; ids are unique across types.
 */
import { Field, ID, InterfaceType } from "type-graphql";

/** What a resolver returning a `Node` hands back: the concrete type is named, never guessed. */
export interface NodeValue {
  __typename: string;
  id: string;
}

// Implementations are listed by each subgraph's own types, not every class in the process
// (all three subgraphs share type-graphql's metadata under `npm start`).
@InterfaceType("Node", {
  description: "An object with a stable id that `node(id:)` and `nodes(ids:)` refetch (Relay Global Object Identification). Ids are UUIDs, unique across all types.",
  autoRegisterImplementations: false,
  resolveType: (value: NodeValue) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: "Stable unique identifier (a UUID), unique across all types." })
  id: string;
}
