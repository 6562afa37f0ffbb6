/**
 * Composes the supergraph from the three subgraphs' schemas with
 * @apollo/composition. No database is needed: the schemas come from code.
 */
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { buildFederatedSchema } from "../shared/subgraph/schema";
import { subgraphs } from "../subgraphs";

export class CompositionError extends Error {
  override name = "CompositionError";
}

/** The subgraph SDL each subgraph serves as `_service { sdl }`. */
export async function subgraphSdl(name: (typeof SUBGRAPH_NAMES)[number]): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(subgraphs[name]));
}

export async function composeSupergraph(): Promise<string> {
  // Routing URLs are the local defaults; deployments override them (ENTERPRISES_URL, ...).
  const { subgraphUrls } = readConfig({});
  const services = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => ({ name, url: subgraphUrls[name], typeDefs: parse(await subgraphSdl(name)) })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  }
  return result.supergraphSdl;
}
