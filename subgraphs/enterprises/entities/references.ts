/** `__resolveReference` of the entity types this subgraph owns: the gateway's `_entities` lookups, batched. */
import type { ReferenceResolver } from "../../../shared/subgraph/definition";
import type { createLoaders } from "../loaders";

type Loaders = ReturnType<typeof createLoaders>;

export const referenceResolvers: Record<string, ReferenceResolver<Loaders>> = {
  Enterprise: (reference, context) => context.loaders.enterprise.byId.load(reference.id),
  Division: (reference, context) => context.loaders.division.byId.load(reference.id),
  Contact: (reference, context) => context.loaders.contact.byId.load(reference.id),
};
