/**
 * Who is calling. The gateway establishes it from a verified token and every
 * subgraph receives it, signed (internal-identity.ts), with each request.
 */
import { PARTY_KINDS, type PartyKind } from "../subgraph/registry";

/** `dashboard`: a read-only credential for dashboards and BI tools (public data and aggregates only). */
export const ROLES = ["anonymous", "reader", "editor", "analyst", "dashboard", "admin", "service"] as const;
export type Role = (typeof ROLES)[number];

/** ENTERPRISE, UNIVERSITY: the party kinds of the subgraph registry. */
export type InstitutionKind = PartyKind;
const INSTITUTION_KINDS: readonly string[] = PARTY_KINDS.map((party) => party.kind);

export interface Principal {
  role: Role;
  /** Token subject (a client id or user), `anonymous`, or `service:<subgraph>`. */
  subject: string;
  /** The institution a reader's or editor's system belongs to. */
  institution?: { type: InstitutionKind; id: string };
}

export const ANONYMOUS: Principal = { role: "anonymous", subject: "anonymous" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks an untrusted value is a well-formed principal; returns it or explains what is wrong. */
export function parsePrincipal(value: unknown): Principal | string {
  if (!value || typeof value !== "object") return "not an object";
  const { role, subject, institution } = value as Record<string, unknown>;
  if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) return `unknown role ${JSON.stringify(role)}`;
  if (typeof subject !== "string" || subject.length === 0 || subject.length > 300) return "subject must be a non-empty string";
  const bound = role === "reader" || role === "editor";
  if (!bound) return institution === undefined ? { role: role as Role, subject } : "only readers and editors belong to an institution";
  if (!institution || typeof institution !== "object") return `a ${role} must belong to an institution`;
  const { type, id } = institution as Record<string, unknown>;
  if (typeof type !== "string" || !INSTITUTION_KINDS.includes(type)) return `institution.type must be ${INSTITUTION_KINDS.join(" or ")}`;
  if (typeof id !== "string" || !UUID.test(id)) return "institution.id must be a UUID";
  return { role: role as Role, subject, institution: { type: type as InstitutionKind, id } };
}
