/**
 * What the caller of one request may see and do, as the subgraphs know it.
 * Until a request carries a verified identity, nobody reads confidential
 * fields (contacts' e-mail and phone, budgets, internal notes).
 */
import { forbidden } from "./errors";

export interface Access {
  /** Whether confidential fields of records belonging to any of these institutions may be read. */
  canReadConfidential(institutionIds: readonly string[]): boolean;
}

export const ANONYMOUS_ACCESS: Access = {
  canReadConfidential: () => false,
};

/** Returns `value` if the caller may read it, else throws FORBIDDEN naming the field. */
export function confidential<T>(access: Access, institutionIds: readonly string[], field: string, value: T): T {
  if (!access.canReadConfidential(institutionIds)) {
    throw forbidden(`${field} is confidential: only the institution itself, its program partners and administrators may read it.`);
  }
  return value;
}
