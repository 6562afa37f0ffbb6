/**
 * A program's terms in canonical form, and their SHA-256: what an approval
 * is bound to. The terms are what the parties agree to (parties with roles
 * and units, kind, title, dates, term, directions, budget); descriptions,
 * notes, the place of signing and fields of education are not terms and
 * change without new approvals.
 */
import { createHash } from "node:crypto";
import type { DatePrecision } from "../../../shared/domain/dates";
import { PartyRole, type CooperationDirection, type InstitutionType, type ProgramKind } from "../entities/enums";

export interface TermsParty {
  institutionType: InstitutionType;
  institutionId: string;
  unitId: string | null;
  role: PartyRole;
}

export interface ProgramTerms {
  kind: ProgramKind;
  title: string;
  startsOn: string | null;
  startsOnPrecision: DatePrecision | null;
  endsOn: string | null;
  endsOnPrecision: DatePrecision | null;
  termMonths: number | null;
  budget: { amount: string; currency: string } | null;
  parties: TermsParty[];
  directions: { direction: CooperationDirection; description: string | null }[];
}

/** The fields of ProgramUpdateInput that are terms: changing any of them needs the approvals again. */
export const TERM_FIELDS = ["kind", "title", "startsOn", "startsOnPrecision", "endsOn", "endsOnPrecision", "termMonths", "budget", "parties", "directions"] as const;

/** `150000`, `150000.5` and `150000.50` are one amount (the column keeps two decimals). */
function canonicalAmount(amount: string): string {
  const [whole, fraction = ""] = amount.split(".");
  return `${whole.replace(/^0+(?=\d)/, "")}.${(fraction + "00").slice(0, 2)}`;
}

interface TermsSource {
  kind: ProgramKind;
  title: string;
  startsOn?: string | null;
  startsOnPrecision?: DatePrecision | null;
  endsOn?: string | null;
  endsOnPrecision?: DatePrecision | null;
  termMonths?: number | null;
  budgetAmount?: string | null;
  budgetCurrency?: string | null;
}

/** The terms of a program's columns, parties and directions; parties in a fixed order, so the same terms give the same hash. */
export function termsOf(
  program: TermsSource,
  parties: { institutionType: InstitutionType; institutionId: string; unitId?: string | null; role: PartyRole }[],
  directions: { direction: CooperationDirection; description?: string | null }[],
): ProgramTerms {
  return {
    kind: program.kind,
    title: program.title,
    startsOn: program.startsOn ?? null,
    startsOnPrecision: program.startsOnPrecision ?? null,
    endsOn: program.endsOn ?? null,
    endsOnPrecision: program.endsOnPrecision ?? null,
    termMonths: program.termMonths ?? null,
    budget: program.budgetAmount && program.budgetCurrency ? { amount: canonicalAmount(program.budgetAmount), currency: program.budgetCurrency } : null,
    parties: parties
      .map((p) => ({ institutionType: p.institutionType, institutionId: p.institutionId.toLowerCase(), unitId: p.unitId?.toLowerCase() ?? null, role: p.role }))
      .sort((a, b) => partyKey(a).localeCompare(partyKey(b))),
    directions: directions.map((d) => ({ direction: d.direction, description: d.description ?? null })),
  };
}

const partyKey = (p: TermsParty) => `${p.institutionId}:${p.role}:${p.unitId ?? ""}`;

/** JSON with the keys of every object sorted: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The SHA-256 (hex) of the canonical terms: what each approval names. */
export function termsHash(terms: ProgramTerms): string {
  return createHash("sha256").update(canonicalJson(terms)).digest("hex");
}

const partsOf = (terms: ProgramTerms | null, institutionId: string) =>
  (terms?.parties ?? [])
    .filter((p) => p.institutionId === institutionId)
    .map(partyKey)
    .sort()
    .join("|");

/**
 * Whose approval a version needs: every SIGNATORY it names, and every
 * institution whose part it adds, removes or changes compared with the
 * version in force (`base`; none before the program first takes effect, so
 * then every institution it names).
 */
export function requiredApprovers(base: ProgramTerms | null, terms: ProgramTerms): string[] {
  const institutions = new Set([...(base?.parties ?? []), ...terms.parties].map((p) => p.institutionId));
  return [...institutions]
    .filter((id) => terms.parties.some((p) => p.institutionId === id && p.role === PartyRole.SIGNATORY) || partsOf(base, id) !== partsOf(terms, id))
    .sort();
}
