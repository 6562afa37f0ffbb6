/**
 * The kinds of institution a program party (or an activity's host) may name,
 * read from the subgraph registry (shared/subgraph/registry.ts): every
 * subgraph with a `partyKind` owns one kind of institution and its units, and
 * this subgraph asks it whether one exists. A new kind there becomes a value
 * of InstitutionType, a member of the Institution union, an allowed value of
 * the institution_type columns (a generated migration) and a peer the
 * reference checks ask, without an edit here.
 */
import { PARTY_SUBGRAPHS, type PartyKind, type PartyKindEntry, type SubgraphName } from "../../../shared/subgraph/registry";

export type { PartyKind };

export interface InstitutionKind extends PartyKindEntry {
  kind: PartyKind;
  /** The subgraph that owns these institutions and their units. */
  owner: SubgraphName;
}

/** In registry order, which is the order of the GraphQL enum's values. */
export const INSTITUTION_KINDS: readonly InstitutionKind[] = PARTY_SUBGRAPHS.map((entry) => ({ ...entry.partyKind, owner: entry.name }));

const BY_KIND = new Map(INSTITUTION_KINDS.map((kind) => [kind.kind, kind]));

export function institutionKind(kind: PartyKind): InstitutionKind {
  return BY_KIND.get(kind)!;
}

/** `('ENTERPRISE', 'UNIVERSITY')`, for the CHECK constraints of the columns that store a kind. */
export const INSTITUTION_TYPES_SQL = `(${INSTITUTION_KINDS.map((kind) => `'${kind.kind}'`).join(", ")})`;

/** "enterprises or universities", "a, b or c": for descriptions that name every kind. */
export function eitherOf(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}
