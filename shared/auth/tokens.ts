/**
 * Local bearer tokens (HS256), as `npm run token` issues them and the tests
 * use them. With an identity provider (AUTH_JWKS_URL), tokens come from it
 * instead, carrying the same claims.
 */
import { SignJWT } from "jose";
import type { InstitutionKind } from "./principal";

export interface TokenClaims {
  subject: string;
  role: "reader" | "editor" | "analyst" | "dashboard" | "admin";
  institution?: { type: InstitutionKind; id: string };
}

export function mintToken(secret: string, claims: TokenClaims, options: { issuer: string; audience: string; expiresIn?: string | number }): Promise<string> {
  return new SignJWT({
    role: claims.role,
    ...(claims.institution ? { institution_type: claims.institution.type, institution_id: claims.institution.id } : {}),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(new TextEncoder().encode(secret));
}
