/**
 * A reader's or editor's token names its institution (`institution_type`,
 * `institution_id`); the signature proves only that the identity provider
 * wrote it. Before the gateway believes it, the subgraph that owns that kind
 * of institution is asked whether such an institution exists and is active:
 * a UNIVERSITY claim with an enterprise's id, an id of nothing, or an
 * archived institution are refused. The answer is kept briefly per
 * institution, so a busy token costs one question per half minute.
 */
import { GraphQLError } from "graphql";
import type { InstitutionKind, Principal } from "../../shared/auth/principal";
import { ErrorCode } from "../../shared/graphql/errors";
import type { Authenticator } from "./verify-token";

/** Runs one GraphQL request on a subgraph as the gateway itself and returns its data (throws when it cannot). */
export type AskSubgraph = (subgraph: "enterprises" | "universities", query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown> | null | undefined>;

type Standing = "ACTIVE" | "ARCHIVED" | "UNKNOWN";

const OWNERS: Record<InstitutionKind, { subgraph: "enterprises" | "universities"; typename: string }> = {
  ENTERPRISE: { subgraph: "enterprises", typename: "Enterprise" },
  UNIVERSITY: { subgraph: "universities", typename: "University" },
};

const LOOKUP = (typename: string) => `query TokenInstitution($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id status } } }`;

/** How long an answer is kept: an archival takes effect on tokens within this time. */
const KEEP_MS = 30_000;
/** Answers kept at most; the oldest go first. */
const KEEP_AT_MOST = 10_000;

function refusal(message: string, code: ErrorCode, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

export function checkingInstitutions(authenticator: Authenticator, ask: AskSubgraph, now: () => number = Date.now): Authenticator {
  const known = new Map<string, { standing: Promise<Standing>; until: number }>();

  const standingOf = (type: InstitutionKind, id: string): Promise<Standing> => {
    const key = `${type}:${id}`;
    const kept = known.get(key);
    if (kept && kept.until > now()) return kept.standing;
    const { subgraph, typename } = OWNERS[type];
    const standing = ask(subgraph, LOOKUP(typename), { representations: [{ __typename: typename, id }] }).then((data) => {
      const found = (data?._entities as ({ id?: string; status?: string } | null)[] | undefined)?.[0];
      return found?.id === id ? (found.status === "ACTIVE" ? "ACTIVE" : "ARCHIVED") : "UNKNOWN";
    });
    known.delete(key);
    if (known.size >= KEEP_AT_MOST) known.delete(known.keys().next().value!);
    known.set(key, { standing, until: now() + KEEP_MS });
    // A failed question is not kept: the next request asks again.
    standing.catch(() => known.get(key)?.standing === standing && known.delete(key));
    return standing;
  };

  return async (authorization) => {
    const principal: Principal = await authenticator(authorization);
    if (!principal.institution) return principal;
    const { type, id } = principal.institution;
    let standing: Standing;
    try {
      standing = await standingOf(type, id);
    } catch {
      throw refusal(`The ${OWNERS[type].subgraph} service could not confirm the token's institution; try again shortly.`, ErrorCode.SUBGRAPH_UNAVAILABLE, 503);
    }
    if (standing === "UNKNOWN") {
      throw refusal(`The token's institution_id names no ${type.toLowerCase()} (institution_type ${type}).`, ErrorCode.UNAUTHENTICATED, 401);
    }
    if (standing === "ARCHIVED") throw refusal("The token's institution is archived: its credentials no longer act.", ErrorCode.FORBIDDEN, 403);
    return principal;
  };
}
