import { signIdentity } from "../../shared/auth/internal-identity";
import type { Principal } from "../../shared/auth/principal";

/** Sends GraphQL over HTTP the way a dashboard or partner system would. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
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
  headers?: Record<string, string>,
): Promise<T> {
  const result = await graphql<T>(url, query, variables, headers);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors (HTTP ${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** Headers a subgraph believes: the caller's identity signed with the deployment's secret, as the gateway sends them. */
export function signedHeaders(internalSecret: string, principal: Principal = { role: "service", subject: "service:test" }): Record<string, string> {
  return signIdentity(principal, internalSecret);
}
