/** `__resolveReference` of the entity types this subgraph owns or extends: the gateway's `_entities` lookups, batched. */
import type { ReferenceResolver } from "../../../shared/subgraph/definition";
import type { ProgramsLoaders as Loaders } from "../context";

// Institutions and units belong to other subgraphs: their key is all this one needs.
const keyOnly: ReferenceResolver<Loaders> = (reference) => ({ id: reference.id });

export const referenceResolvers: Record<string, ReferenceResolver<Loaders>> = {
  Program: (reference, context) => context.loaders.program.byId.load(reference.id),
  Enterprise: keyOnly,
  University: keyOnly,
  Division: keyOnly,
  Department: keyOnly,
};
