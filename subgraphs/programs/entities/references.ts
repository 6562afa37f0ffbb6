/** `__resolveReference` of the entity types this subgraph extends (its own tables are looked up by id without one): the gateway's `_entities` lookups. */
import type { ReferenceResolver } from "../../../shared/subgraph/definition";
import type { ProgramsLoaders as Loaders } from "../context";

// Institutions and units belong to other subgraphs: their key is all this one needs.
const keyOnly: ReferenceResolver<Loaders> = (reference) => ({ id: reference.id });

export const referenceResolvers: Record<string, ReferenceResolver<Loaders>> = {
  Enterprise: keyOnly,
  University: keyOnly,
  Division: keyOnly,
  Department: keyOnly,
};
