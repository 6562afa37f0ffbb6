/**
 * What the caller of one request may see and do. Every subgraph decides with
 * the same rules:
 *
 * | role      | reads public data | confidential fields        | writes                                   |
 * | --------- | ----------------- | -------------------------- | ---------------------------------------- |
 * | anonymous | if the gateway allows anonymous access | no    | no (UNAUTHENTICATED)                     |
 * | reader    | yes               | of its own institution (for programs: those it is a party to) | no     |
 * | editor    | yes               | like reader                | its own institution's records; programs it is a party to |
 * | analyst   | yes, change feeds too | no                     | no                                       |
 * | dashboard | yes, no change feeds | no                      | no (a credential a BI tool may keep in a URL) |
 * | admin     | yes               | all                        | all                                      |
 * | service   | yes (subgraph-to-subgraph lookups) | no        | no                                       |
 */
import type { Principal } from "./principal";
import { forbidden, unauthenticated } from "../graphql/errors";

export interface Access {
  principal: Principal;
  isAdmin: boolean;
  /** Whether confidential fields of records belonging to any of these institutions may be read. */
  canReadConfidential(institutionIds: readonly string[]): boolean;
  /** Whether the caller may write records of this institution. */
  canEdit(institutionId: string): boolean;
  /** Throws UNAUTHENTICATED for anonymous callers, FORBIDDEN unless the caller may write for the institution. */
  requireEdit(institutionId: string, action: string): void;
  /** Throws unless the caller is an administrator. */
  requireAdmin(action: string): void;
  /** Throws UNAUTHENTICATED for anonymous callers. */
  requireAuthenticated(action: string): void;
  /** Throws UNAUTHENTICATED for anonymous callers, FORBIDDEN for dashboard credentials (aggregates and public data only). */
  requireChangeFeed(): void;
}

export function accessFor(principal: Principal): Access {
  const isAdmin = principal.role === "admin";
  const own = principal.institution?.id;
  const requireAuthenticated = (action: string) => {
    if (principal.role === "anonymous") throw unauthenticated(`Sign in to ${action}: send a bearer token (see README, "Credentials").`);
  };
  const canEdit = (institutionId: string) => isAdmin || (principal.role === "editor" && own === institutionId);
  return {
    principal,
    isAdmin,
    canReadConfidential: (institutionIds) =>
      isAdmin || ((principal.role === "reader" || principal.role === "editor") && own !== undefined && institutionIds.includes(own)),
    canEdit,
    requireEdit(institutionId, action) {
      requireAuthenticated(action);
      if (!canEdit(institutionId)) {
        throw forbidden(
          principal.role === "editor"
            ? `Your credentials edit only your own institution's records; they do not allow you to ${action}.`
            : `The ${principal.role} role cannot ${action}; an editor of the institution or an administrator can.`,
        );
      }
    },
    requireAdmin(action) {
      requireAuthenticated(action);
      if (!isAdmin) throw forbidden(`Only an administrator can ${action}.`);
    },
    requireAuthenticated,
    requireChangeFeed() {
      requireAuthenticated("read a change feed");
      if (principal.role === "dashboard") throw forbidden("Dashboard credentials read public data and aggregates, not change feeds; an analyst's or an institution's token can.");
    },
  };
}

/** Returns `value` if the caller may read it, else throws FORBIDDEN naming the field. */
export function confidential<T>(access: Access, institutionIds: readonly string[], field: string, value: T): T {
  access.requireAuthenticated(`read ${field}`);
  if (!access.canReadConfidential(institutionIds)) {
    throw forbidden(`${field} is confidential: only the institution concerned and administrators may read it.`);
  }
  return value;
}
