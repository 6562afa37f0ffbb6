/**
 * Every figure on the page comes from here: a dashboard operation by its
 * persisted-document id over GET, exactly as a Grafana panel would ask.
 * A token in the page's fragment (`#access_token=…`, never sent to the
 * server by the browser) goes along as a bearer header, for a graph where
 * anonymous reading is off.
 */
import { config } from "./config";

export class GraphError extends Error {
  override name = "GraphError";
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

const token = new URLSearchParams(window.location.hash.slice(1)).get("access_token");

export async function ask<T = Record<string, any>>(operation: string, variables: Record<string, unknown> = {}): Promise<T> {
  const id = config.operations[operation];
  if (!id) throw new GraphError(`no dashboard operation ${operation}`, undefined);
  const url = `${config.graphqlUrl}?documentId=${encodeURIComponent(id)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const response = await fetch(url, { headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new GraphError(body.errors[0].message, body.errors[0].extensions?.code);
  return body.data as T;
}
