/**
 * What each export URL writes: its columns (CSV and JSON lines alike) and
 * how its rows come out of the dashboard operations' answers.
 */
import type { ProgramSummary } from "./program-summary";
import type { Column } from "./table-format";

interface Named {
  slug: string;
  name: string;
  countryCode?: string;
}

export interface ProgramRow extends ProgramSummary {
  parties: { role: string; institutionType: string; institutionCountryCode: string | null; institution: Named }[];
}

const joined = (row: ProgramRow, part: (party: ProgramRow["parties"][number]) => string | null) =>
  row.parties.map(part).filter(Boolean).join("; ");

export const PROGRAM_COLUMNS: Column<ProgramRow>[] = [
  { name: "slug", value: (row) => row.slug },
  { name: "title", value: (row) => row.title },
  { name: "kind", value: (row) => row.kind },
  { name: "status", value: (row) => row.status },
  { name: "signedOn", value: (row) => row.signedOn },
  { name: "startsOn", value: (row) => row.startsOn },
  { name: "endsOn", value: (row) => row.endsOn },
  { name: "partyCount", value: (row) => row.parties.length },
  { name: "parties", value: (row) => joined(row, (party) => `${party.institution.name} (${party.role})`) },
  { name: "partySlugs", value: (row) => joined(row, (party) => party.institution.slug) },
  { name: "partyCountries", value: (row) => [...new Set(row.parties.map((party) => party.institutionCountryCode).filter(Boolean))].join("; ") },
];

/** JSON lines keep the parties as a list. */
export const programJson = (row: ProgramRow) => ({
  ...Object.fromEntries(PROGRAM_COLUMNS.slice(0, 7).map((column) => [column.name, column.value(row) ?? null])),
  parties: row.parties.map((party) => ({
    role: party.role,
    type: party.institutionType,
    slug: party.institution.slug,
    name: party.institution.name,
    countryCode: party.institutionCountryCode,
  })),
});

export interface PartnerRow {
  partnerType: string;
  programCount: number;
  activeProgramCount: number;
  firstSignedOn: string | null;
  latestSignedOn: string | null;
  partner: Named;
}

export const PARTNER_COLUMNS: Column<PartnerRow>[] = [
  { name: "slug", value: (row) => row.partner.slug },
  { name: "name", value: (row) => row.partner.name },
  { name: "type", value: (row) => row.partnerType },
  { name: "countryCode", value: (row) => row.partner.countryCode },
  { name: "programCount", value: (row) => row.programCount },
  { name: "activeProgramCount", value: (row) => row.activeProgramCount },
  { name: "firstSignedOn", value: (row) => row.firstSignedOn },
  { name: "latestSignedOn", value: (row) => row.latestSignedOn },
];

export interface StatsRow {
  key: string | null;
  programCount: number;
  activeProgramCount: number;
  activityCount: number;
  plannedParticipants: number;
  actualParticipants: number;
}

export const STATS_COLUMNS: Column<StatsRow>[] = (
  ["key", "programCount", "activeProgramCount", "activityCount", "plannedParticipants", "actualParticipants"] as const
).map((name) => ({ name, value: (row: StatsRow) => row[name] }));
