/**
 * `npm run token -- --role <reader|editor|analyst|dashboard|admin> [--institution <slug>] [--subject <name>] [--expires <1h|30d|...>]`
 *
 * Issues a local bearer token signed with AUTH_JWT_SECRET (or, for
 * `npm start`, the secret in .data/auth-secret). Readers and editors belong
 * to an institution: give its slug (looked up through the running gateway,
 * GATEWAY_PORT) or `--institution-id <uuid> --institution-type <ENTERPRISE|UNIVERSITY>`.
 * Prints the token alone on stdout, so `TOKEN=$(npm run -s token -- ...)` works.
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { decodeJwt } from "jose";
import { mintToken, type TokenClaims } from "../shared/auth/tokens";
import { ConfigError, readConfig } from "../shared/config";
import { localAuth } from "../shared/stack";

const { values } = parseArgs({
  options: {
    role: { type: "string" },
    institution: { type: "string" },
    "institution-id": { type: "string" },
    "institution-type": { type: "string" },
    subject: { type: "string" },
    expires: { type: "string", default: "24h" },
    gateway: { type: "string" },
  },
});

async function lookUpInstitution(slug: string, gatewayUrl: string, adminToken: string): Promise<NonNullable<TokenClaims["institution"]>> {
  let body: { data?: { enterprise: { id: string } | null; university: { id: string } | null } };
  try {
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: "query($slug: String!) { enterprise(slug: $slug) { id } university(slug: $slug) { id } }", variables: { slug } }),
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw new ConfigError(`could not reach the gateway at ${gatewayUrl} to look up "${slug}": start the graph, or pass --institution-id and --institution-type`);
  }
  if (body.data?.enterprise) return { type: "ENTERPRISE", id: body.data.enterprise.id };
  if (body.data?.university) return { type: "UNIVERSITY", id: body.data.university.id };
  throw new ConfigError(`no enterprise or university has the slug "${slug}"`);
}

try {
  const config = readConfig();
  const role = values.role as TokenClaims["role"];
  if (!["reader", "editor", "analyst", "dashboard", "admin"].includes(role)) throw new ConfigError("--role must be reader, editor, analyst, dashboard or admin");
  if (config.auth.jwksUrl) throw new ConfigError("AUTH_JWKS_URL is set: tokens come from your identity provider, not from this command");
  const auth = localAuth(config);
  const sign = (claims: TokenClaims, expiresIn: string) => mintToken(auth.jwtSecret!, claims, { issuer: auth.issuer, audience: auth.audience, expiresIn });

  let institution: TokenClaims["institution"];
  if (values["institution-id"]) {
    const type = values["institution-type"];
    if (type !== "ENTERPRISE" && type !== "UNIVERSITY") throw new ConfigError("--institution-type must be ENTERPRISE or UNIVERSITY");
    institution = { type, id: values["institution-id"] };
  } else if (values.institution) {
    const gatewayUrl = values.gateway ?? `http://127.0.0.1:${config.gatewayPort}/graphql`;
    institution = await lookUpInstitution(values.institution, gatewayUrl, await sign({ subject: "token-command", role: "admin" }, "1m"));
  }
  if ((role === "reader" || role === "editor") !== Boolean(institution)) {
    throw new ConfigError(role === "reader" || role === "editor" ? `a ${role} belongs to an institution: give --institution <slug>` : `an ${role} belongs to no institution`);
  }
  const subject = values.subject ?? (values.institution ? `${values.institution}-system` : `${role}-${Date.now()}`);
  const token = await sign({ subject, role, institution }, values.expires!);
  // The gateway would refuse it: say so now rather than with a 401 later.
  const { iat, exp } = decodeJwt(token);
  const maxAge = config.auth.maxTokenAgeSeconds!;
  if (exp! - iat! > maxAge) throw new ConfigError(`--expires ${values.expires} is longer than AUTH_MAX_TOKEN_AGE (${maxAge} s), so the gateway would refuse the token: raise AUTH_MAX_TOKEN_AGE or expire sooner`);
  process.stdout.write(`${token}\n`);
} catch (error) {
  console.error(`npm run token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
