/** `__resolveReference` of the entity types this subgraph owns: the gateway's `_entities` lookups, batched. */
import type { ReferenceResolver } from "../../../shared/subgraph/definition";
import type { createLoaders } from "../loaders";

type Loaders = ReturnType<typeof createLoaders>;

export const referenceResolvers: Record<string, ReferenceResolver<Loaders>> = {
  University: (reference, context) => context.loaders.university.byId.load(reference.id),
  Department: (reference, context) => context.loaders.department.byId.load(reference.id),
  Person: (reference, context) => context.loaders.person.byId.load(reference.id),
};
