/** Bearer tokens for the tests, signed with the test stack's own secret. */
import { mintToken, type TokenClaims } from "../../shared/auth/tokens";
import { deterministicId } from "../../shared/records/ids";
import type { Stack } from "../../shared/stack";

export type TestRole = "anonymous" | `reader@${string}` | `editor@${string}` | "analyst" | "dashboard" | "admin";

const ENTERPRISES = new Set(["ammc", "stupino-metallurgical-company", "stupino-machine-production-plant", "uzbekistan-technological-metals-combine"]);

/** A seeded institution by slug, as the token names it. */
export function institutionOf(slug: string): NonNullable<TokenClaims["institution"]> {
  return ENTERPRISES.has(slug)
    ? { type: "ENTERPRISE", id: deterministicId("Enterprise", slug) }
    : { type: "UNIVERSITY", id: deterministicId("University", slug) };
}

export async function tokenFor(stack: Pick<Stack, "auth">, role: TestRole, options: { expiresIn?: string | number } = {}): Promise<string | undefined> {
  if (role === "anonymous") return undefined;
  const [name, slug] = role.split("@") as [TokenClaims["role"], string | undefined];
  return mintToken(
    stack.auth.jwtSecret!,
    { subject: `${role}-test`, role: name, institution: slug ? institutionOf(slug) : undefined },
    { issuer: stack.auth.issuer, audience: stack.auth.audience, expiresIn: options.expiresIn },
  );
}

export const bearer = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
