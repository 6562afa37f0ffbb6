/** `__resolveReference` of the entity types this subgraph owns or extends: the gateway's `_entities` lookups, batched. */
import type { ReferenceResolver } from "../../../shared/subgraph/definition";
import type { createLoaders } from "../loaders";
import { INSTITUTION_KINDS } from "./institution-kinds";

type Loaders = ReturnType<typeof createLoaders>;

// Institutions and units belong to other subgraphs: their key is all this one needs.
const keyOnly: ReferenceResolver<Loaders> = (reference) => ({ id: reference.id });

export const referenceResolvers: Record<string, ReferenceResolver<Loaders>> = {
  Program: (reference, context) => context.loaders.program.byId.load(reference.id),
  ...Object.fromEntries(INSTITUTION_KINDS.flatMap((kind) => [kind.institution.type, kind.unit.type]).map((type) => [type, keyOnly])),
};
