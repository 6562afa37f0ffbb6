/**
 * The request's context, bound to one transaction: the import runs every
 * row through the mutations' own record mechanisms (createRecord,
 * updateRecord and what they call), which open their transaction on
 * `context.dataSource` and read through it. Bound, those calls join the
 * import's transaction instead, so all rows commit together or not at all,
 * and each row sees the rows before it.
 *
 * Peer questions (is this institution there and active?) are asked once per
 * record for the whole import: its transaction holds the archival locks
 * taken at the first check until it commits, so the first answer stays true.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import type { PeerClient } from "../subgraph/peers";

function boundDataSource(dataSource: DataSource, manager: EntityManager): DataSource {
  return new Proxy(dataSource, {
    get(target, property, receiver) {
      switch (property) {
        case "transaction":
          // transaction(work) or transaction(isolationLevel, work): the work runs in the import's transaction.
          return (...args: unknown[]) => (args.find((arg) => typeof arg === "function") as (m: EntityManager) => unknown)(manager);
        case "manager":
          return manager;
        case "getRepository":
          return manager.getRepository.bind(manager);
        case "query":
          return manager.query.bind(manager);
        case "createQueryBuilder":
          return manager.createQueryBuilder.bind(manager);
        default: {
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}

type Representation = { __typename: string; id: string };

/** Answers `_entities` questions from what was asked before in this import; asks only for records not yet asked about. */
function rememberingEntities(peers: PeerClient): PeerClient {
  const answers = new Map<string, unknown>();
  return {
    async query<T>(peer: Parameters<PeerClient["query"]>[0], query: string, variables: Record<string, unknown>, requestId: string): Promise<T> {
      const representations = variables.representations as Representation[] | undefined;
      if (!Array.isArray(representations) || !query.includes("_entities")) return peers.query<T>(peer, query, variables, requestId);
      const key = (r: Representation) => `${peer}\n${query}\n${r.__typename}:${r.id}`;
      const missing = representations.filter((r) => !answers.has(key(r)));
      if (missing.length) {
        const { _entities } = await peers.query<{ _entities: unknown[] }>(peer, query, { ...variables, representations: missing }, requestId);
        missing.forEach((r, i) => answers.set(key(r), _entities[i]));
      }
      return { _entities: representations.map((r) => answers.get(key(r))) } as T;
    },
  };
}

export function transactionContext<C extends SubgraphContext>(context: C, manager: EntityManager): C {
  return { ...context, dataSource: boundDataSource(context.dataSource, manager), peers: rememberingEntities(context.peers) };
}
