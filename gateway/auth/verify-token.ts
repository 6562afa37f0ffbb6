/**
 * Bearer tokens (JWT) verified with jose: a shared secret (HS256) for local
 * use, or an identity provider's JWKS with its issuer and audience. The
 * verified claims become the request's Principal; a bad token is refused,
 * never treated as anonymous.
 *
 * A token issued in the future, or living longer than AUTH_MAX_TOKEN_AGE
 * (`exp` - `iat`, or `exp` - now without `iat`), is refused: a stolen
 * token must not stay good for centuries.
 *
 * Claims: `sub`, `exp`, `role` (reader | editor | analyst | dashboard | admin) and, for
 * readers and editors, `institution_type` (ENTERPRISE | UNIVERSITY) and
 * `institution_id` (the institution's id in the graph).
 */
import { GraphQLError } from "graphql";
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { ANONYMOUS, parsePrincipal, type Principal } from "../../shared/auth/principal";
import type { AuthConfig } from "../../shared/config";
import { ErrorCode } from "../../shared/graphql/errors";

export const TOKEN_ROLES = ["reader", "editor", "analyst", "dashboard", "admin"] as const;

function refuse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export type Authenticator = (authorization: string | undefined) => Promise<Principal>;

/** AUTH_MAX_TOKEN_AGE's default. */
const DEFAULT_MAX_TOKEN_AGE_S = 24 * 3600;
/** How far ahead of this clock an issuer's clock may be. */
const CLOCK_SKEW_S = 30;

/** Why a verified token's dates are still not accepted, if they are not. */
function datesRefusal(payload: JWTPayload, maxAgeSeconds: number, nowSeconds: number): string | undefined {
  const { iat, exp } = payload;
  if (iat !== undefined && (typeof iat !== "number" || iat > nowSeconds + CLOCK_SKEW_S)) return "The token's iat claim is in the future.";
  const lifetime = (exp as number) - (typeof iat === "number" ? iat : nowSeconds);
  if (lifetime > maxAgeSeconds) return `The token lives ${lifetime} s; at most ${maxAgeSeconds} s (AUTH_MAX_TOKEN_AGE) are accepted.`;
  return undefined;
}

export function createAuthenticator(config: AuthConfig): Authenticator {
  const keys: Uint8Array | JWTVerifyGetKey | undefined = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : config.jwtSecret
      ? new TextEncoder().encode(config.jwtSecret)
      : undefined;
  const algorithms = config.jwksUrl ? ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"] : ["HS256"];

  return async (authorization) => {
    if (!authorization) {
      if (config.anonymous === "read") return ANONYMOUS;
      throw refuse("This graph needs a bearer token: send `Authorization: Bearer <token>`.");
    }
    // The scheme name is case-insensitive (RFC 7235); the token itself is not.
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization.trim());
    if (!match) throw refuse("The Authorization header must be `Bearer <JWT>`.");
    if (!keys) throw refuse("This graph accepts no tokens: configure AUTH_JWT_SECRET or AUTH_JWKS_URL.");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keys as Uint8Array, {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (error) {
      throw refuse(
        error instanceof errors.JWTExpired
          ? "The token has expired."
          : error instanceof errors.JWTClaimValidationFailed
            ? `The token's ${error.claim} claim is not accepted here.`
            : "The token is not valid.",
      );
    }
    const tooLong = datesRefusal(payload, config.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_S, Math.floor(Date.now() / 1000));
    if (tooLong) throw refuse(tooLong);
    if (!(TOKEN_ROLES as readonly string[]).includes(payload.role as string)) {
      throw refuse(`The token's role must be one of ${TOKEN_ROLES.join(", ")}.`);
    }
    const principal = parsePrincipal({
      role: payload.role,
      subject: payload.sub,
      institution:
        payload.institution_id !== undefined || payload.institution_type !== undefined
          ? { type: payload.institution_type, id: payload.institution_id }
          : undefined,
    });
    if (typeof principal === "string") throw refuse(`The token's claims do not describe a caller: ${principal}.`);
    return principal;
  };
}
