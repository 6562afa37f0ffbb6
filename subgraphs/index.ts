/**
 * Every subgraph by name, for the code that starts, composes or migrates all
 * of them. Each is loaded from its folder, subgraphs/<name>/index.ts, which
 * exports its definition under its own name: the registry
 * (shared/subgraph/registry.ts) lists the names, so a new subgraph needs no
 * line here, and the registry never imports a subgraph module (they import
 * config, which imports the registry).
 */
import { SUBGRAPH_NAMES, type SubgraphName } from "../shared/config";
import type { SubgraphDefinition } from "../shared/subgraph/definition";

async function load(name: SubgraphName): Promise<SubgraphDefinition> {
  const module = (await import(`./${name}/index.ts`)) as Record<string, SubgraphDefinition | undefined>;
  const definition = module[name];
  if (definition?.name !== name) throw new Error(`subgraphs/${name}/index.ts must export the ${name} subgraph's definition as \`${name}\``);
  return definition;
}

export const subgraphs = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await load(name)] as const))) as Record<
  SubgraphName,
  SubgraphDefinition
>;
