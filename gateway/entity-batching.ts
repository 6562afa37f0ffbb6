/**
 * @apollo/gateway fetches the entities of each path of a query plan on its
 * own and sends one representation per occurrence: the cooperation network
 * (500 edges) asked the enterprises subgraph three times (nodes, edge
 * sources, edge targets) for 572 representations of 161 enterprises. This
 * wrapper around a subgraph data source merges the entity fetches that one
 * client request sends to one subgraph at the same moment with the same
 * selection into one fetch carrying each representation once, and hands
 * every fetch its own entities back, in its own order.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GraphQLFormattedError } from "graphql";
import type { GatewayContext } from "./context";

type Response = Awaited<ReturnType<GraphQLDataSource["process"]>>;
type Options = GraphQLDataSourceProcessOptions<GatewayContext>;

interface Member {
  representations: unknown[];
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  options: Options;
  members: Member[];
}

const INCOMING_OPERATION = "incoming operation";

/** Same selection, same other variables: fetches that can share one request. The operation name differs per plan node. */
function batchKey(query: string, variables: Record<string, unknown>): string {
  const { representations: _, ...others } = variables;
  return `${query.replace(/^\s*query\s+\w+/, "query")}\n${JSON.stringify(others)}`;
}

/** One entry per distinct representation, and where each member's representations sit in it. */
function uniqueRepresentations(members: Member[]): { unique: unknown[]; positions: number[][] } {
  const unique: unknown[] = [];
  const indexByKey = new Map<string, number>();
  const positions = members.map((member) =>
    member.representations.map((representation) => {
      const key = JSON.stringify(representation);
      let index = indexByKey.get(key);
      if (index === undefined) {
        index = unique.push(representation) - 1;
        indexByKey.set(key, index);
      }
      return index;
    }),
  );
  return { unique, positions };
}

/** A member's share of the merged answer: its entities in its order, and the errors about them with its indices. */
function shareOf(response: Response, positions: number[], taken: Set<number>): Response {
  const entities = (response.data as { _entities?: unknown[] } | null | undefined)?._entities;
  // An entity object already handed to another member is copied: the gateway merges later fetches into it.
  const data = Array.isArray(entities)
    ? {
        _entities: positions.map((index) => {
          const entity = entities[index];
          if (!taken.has(index)) {
            taken.add(index);
            return entity;
          }
          return entity === null || typeof entity !== "object" ? entity : structuredClone(entity);
        }),
      }
    : response.data;
  // Errors about an entity go with each of its places in the member's list, in the member's order.
  const general: GraphQLFormattedError[] = [];
  const byIndex = new Map<number, { error: GraphQLFormattedError; rest: (string | number)[] }[]>();
  for (const error of response.errors ?? []) {
    const [root, index, ...rest] = error.path ?? [];
    if (root === "_entities" && typeof index === "number") byIndex.set(index, [...(byIndex.get(index) ?? []), { error, rest }]);
    else general.push(error);
  }
  const errors = [
    ...general,
    ...positions.flatMap((index, i) => (byIndex.get(index) ?? []).map(({ error, rest }) => ({ ...error, path: ["_entities", i, ...rest] }))),
  ];
  return { ...response, data, errors: errors.length ? errors : undefined };
}

export class EntityBatchingDataSource implements GraphQLDataSource<GatewayContext> {
  /** Fetches waiting for the current turn of the event loop to end, per client request. */
  private readonly pending = new WeakMap<object, Map<string, Batch>>();

  constructor(private readonly inner: GraphQLDataSource<GatewayContext>) {}

  process(options: Options): Promise<Response> {
    const representations = options.request.variables?.representations;
    if (options.kind !== INCOMING_OPERATION || !Array.isArray(representations) || !options.context || !options.request.query) {
      return this.inner.process(options);
    }
    let batches = this.pending.get(options.context);
    if (!batches) {
      batches = new Map();
      this.pending.set(options.context, batches);
    }
    const key = batchKey(options.request.query, options.request.variables!);
    let batch = batches.get(key);
    if (!batch) {
      const created: Batch = { options, members: [] };
      batches.set(key, created);
      // The plan starts parallel fetches within one turn; setImmediate runs after all of them.
      setImmediate(() => {
        batches.delete(key);
        if (batches.size === 0) this.pending.delete(options.context!);
        void this.send(created);
      });
      batch = created;
    }
    return new Promise((resolve, reject) => batch.members.push({ representations, resolve, reject }));
  }

  private async send({ options, members }: Batch): Promise<void> {
    const { unique, positions } = uniqueRepresentations(members);
    const single = members.length === 1 && unique.length === members[0].representations.length;
    try {
      const merged = single
        ? options
        : { ...options, request: { ...options.request, variables: { ...options.request.variables, representations: unique } } };
      const response = await this.inner.process(merged);
      if (single) return members[0].resolve(response);
      const taken = new Set<number>();
      members.forEach((member, i) => member.resolve(shareOf(response, positions[i], taken)));
    } catch (error) {
      for (const member of members) member.reject(error);
    }
  }
}
