/**
 * How one subgraph asks another (programs asks enterprises and universities
 * whether an institution or unit it is told about exists): GraphQL over HTTP
 * to the other subgraph's URL, signed as this service, with the request id of
 * the request that needs it. Never SQL across schemas.
 */
import { GraphQLError } from "graphql";
import { signIdentity } from "../auth/internal-identity";
import type { SubgraphName } from "../config";
import { REQUEST_ID_HEADER } from "../http/request-id";
import { ErrorCode } from "../graphql/errors";

export interface PeerClient {
  query<T>(peer: SubgraphName, query: string, variables: Record<string, unknown>, requestId: string): Promise<T>;
}

export function createPeerClient(self: SubgraphName, urls: Partial<Record<SubgraphName, string>>, internalSecret: string, timeoutMs: number): PeerClient {
  const unavailable = (peer: SubgraphName) =>
    new GraphQLError(`The ${peer} service could not be asked; try again shortly.`, { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: peer } });
  return {
    async query<T>(peer: SubgraphName, query: string, variables: Record<string, unknown>, requestId: string): Promise<T> {
      const url = urls[peer];
      if (!url) throw unavailable(peer);
      let body: { data?: T; errors?: unknown[] };
      // Signed for this one request to this one peer, as the gateway signs its own.
      const identity = signIdentity({ role: "service", subject: `service:${self}` }, internalSecret, { audience: peer, method: "POST", query, variables });
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", [REQUEST_ID_HEADER]: requestId, ...identity },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
      } catch {
        throw unavailable(peer);
      }
      if (body.errors?.length || !body.data) throw unavailable(peer);
      return body.data;
    },
  };
}
