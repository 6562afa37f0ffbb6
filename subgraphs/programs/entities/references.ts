/** `__resolveReference` of the entity types this subgraph extends (its own tables are looked up by id without one): the gateway's `_entities` lookups. */
import type { ReferenceResolver } from "../../../shared/subgraph/definition";
import type { ProgramsLoaders as Loaders } from "../context";
import { INSTITUTION_KINDS } from "./institution-kinds";

// Institutions and units belong to other subgraphs: their key is all this one needs.
const keyOnly: ReferenceResolver<Loaders> = (reference) => ({ id: reference.id });

export const referenceResolvers: Record<string, ReferenceResolver<Loaders>> = Object.fromEntries(
  INSTITUTION_KINDS.flatMap((kind) => [kind.institution.type, kind.unit.type]).map((type) => [type, keyOnly]),
);
