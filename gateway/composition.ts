/**
 * Composes the supergraph from the three subgraphs' schemas with
 * @apollo/composition. No database is needed: the schemas come from code.
 */
import { composeServices, type CompositionSuccess } from "@apollo/composition";
import { graphql, parse, type GraphQLSchema } from "graphql";
import { SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { buildFederatedSchema } from "../shared/subgraph/schema";
import { subgraphs } from "../subgraphs";

export class CompositionError extends Error {
  override name = "CompositionError";
}

/** The subgraph SDL each subgraph serves as `_service { sdl }`. */
export async function subgraphSdl(name: (typeof SUBGRAPH_NAMES)[number]): Promise<string> {
  // Asked the way a router asks a running subgraph, so composition sees exactly what it serves.
  const result = await graphql({ schema: await buildFederatedSchema(subgraphs[name]), source: "{ _service { sdl } }" });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new CompositionError(`${name} returned no SDL: ${JSON.stringify(result.errors)}`);
  return sdl;
}

export async function composeSupergraph(): Promise<string> {
  return composeOrThrow(await subgraphServices());
}

/** The schema clients see, as GraphiQL shows it: the supergraph without federation's join and link machinery. */
export async function composeApiSchema(): Promise<GraphQLSchema> {
  return compose(await subgraphServices()).schema.toAPISchema().toGraphQLJSSchema();
}

type Services = Parameters<typeof composeServices>[0];

async function subgraphServices(): Promise<Services> {
  // Routing URLs are the local defaults; deployments override them (ENTERPRISES_URL, ...).
  const { subgraphUrls } = readConfig({});
  return Promise.all(
    SUBGRAPH_NAMES.map(async (name) => ({ name, url: subgraphUrls[name], typeDefs: parse(await subgraphSdl(name)) })),
  );
}

export function composeOrThrow(services: Services): string {
  return compose(services).supergraphSdl;
}

function compose(services: Services): CompositionSuccess {
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  }
  return result;
}
