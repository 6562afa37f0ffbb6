import { signIdentity } from "../../shared/auth/internal-identity";
import type { Principal } from "../../shared/auth/principal";

/** Sends GraphQL over HTTP the way a dashboard or partner system would. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Headers, or a signer that makes them for the request being sent (see signedFor). */
export type RequestHeaders = Record<string, string> | ((request: { query: string; variables?: Record<string, unknown> }) => Record<string, string>);

export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: RequestHeaders = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(typeof headers === "function" ? headers({ query, variables }) : headers) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

/** Like graphql() but fails the test on any error, returning the data. */
export async function graphqlData<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: RequestHeaders,
): Promise<T> {
  const result = await graphql<T>(url, query, variables, headers);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors (HTTP ${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/**
 * Headers a subgraph believes: the caller's identity signed with the
 * deployment's secret for this one request to this one subgraph, as the
 * gateway sends them (good once, for 30 s).
 */
export function signedHeaders(
  internalSecret: string,
  principal: Principal = { role: "service", subject: "service:test" },
  request: { audience: string; query: string; variables?: Record<string, unknown>; operationName?: string },
): Record<string, string> {
  return signIdentity(principal, internalSecret, { method: "POST", ...request });
}

/** Signs each request graphql() sends to this subgraph, as the gateway would. */
export function signedFor(internalSecret: string, audience: string, principal?: Principal): RequestHeaders {
  return (request) => signedHeaders(internalSecret, principal, { audience, ...request });
}
