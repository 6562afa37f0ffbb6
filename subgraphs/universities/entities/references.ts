/** `__resolveReference` of the entity types this subgraph owns: the gateway's `_entities` lookups, batched. */
import type { ReferenceResolver } from "../../../shared/subgraph/definition";
import type { UniversitiesLoaders as Loaders } from "../context";

export const referenceResolvers: Record<string, ReferenceResolver<Loaders>> = {
  University: (reference, context) => context.loaders.university.byId.load(reference.id),
  Department: (reference, context) => context.loaders.department.byId.load(reference.id),
};
