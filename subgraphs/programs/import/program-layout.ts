/** The column layout of a programs import file (README, "Bulk import"; the templates are made from it). */
import { EXTERNAL_REF, LIST_SEPARATOR, precisionColumn, type ImportColumn, type ImportLayout } from "../../../shared/import/layout";
import { CooperationDirection, PartyRole, ProgramKind } from "../entities/enums";

/** Parties are numbered columns: party1, party1Role, ... up to this many. */
export const MAX_PARTIES = 10;
/** How many parties the template shows (the layout reads up to MAX_PARTIES). */
const TEMPLATE_PARTIES = 2;

export const PARTY_COLUMNS = ["", "Role", "Unit", "SignatoryName", "SignatoryPosition"] as const;

const partyColumns = (n: number): ImportColumn[] =>
  [
  {
    name: `party${n}`,
    description: `Party ${n}: an institution by id, slug, ROR id or any of its names in any language (a name that matches several institutions, or none, is refused). At least two parties; yours must be one.`,
    example: n === 1 ? "ammc" : "Алмалыкский филиал ТашГТУ",
    required: n <= 2,
  },
  { name: `party${n}Role`, description: `Its role: ${Object.values(PartyRole).join(", ")}.`, example: "SIGNATORY", required: n <= 2 },
  { name: `party${n}Unit`, description: "Its division or department taking part, by id or slug (optional).", example: n === 1 ? "ammc-engineering-school" : "" },
  { name: `party${n}SignatoryName`, description: "Who signs for it (optional).", example: n === 1 ? "A. Khursanov" : "" },
  { name: `party${n}SignatoryPosition`, description: "That person's position (optional).", example: n === 1 ? "Director" : "" },
  ].map((column) => ({ ...column, inTemplate: n <= TEMPLATE_PARTIES }));

export const programLayout: ImportLayout = {
  name: "programs",
  recordType: "Program",
  subgraph: "programs",
  mutation: "importPrograms",
  description: `One row per program, created as a DRAFT like createProgram does (every institution it names then approves it); a known externalRef amends the program like updateProgram does. Parties are numbered columns (party1 ... party${MAX_PARTIES}, each with Role, Unit, SignatoryName, SignatoryPosition).`,
  columns: [
    EXTERNAL_REF,
    { name: "slug", description: "Unique, stable identifier: lowercase letters, digits and hyphens (fixed once created).", example: "ammc-tashstu-practice-2026", required: true },
    { name: "title", description: "Title of the program or its founding document, in any language.", example: "Industrial practice at the AMMC engineering school", required: true },
    { name: "kind", description: `What kind of cooperation: ${Object.values(ProgramKind).join(", ")}.`, example: "INTERNSHIP", required: true },
    { name: "description", description: "What it provides for.", example: "" },
    { name: "framework", description: "Agreements or events it implements.", example: "" },
    { name: "signedPlace", description: "Where it is (to be) signed.", example: "Almalyk" },
    { name: "startsOn", description: "First day: `2026-09-01`, or `2026-09` (month known), or `2026` (year known).", example: "2026-09" },
    precisionColumn("startsOn", "the first day"),
    { name: "endsOn", description: "Last day, written like startsOn.", example: "" },
    precisionColumn("endsOn", "the last day"),
    { name: "termMonths", description: "Term in months (1 to 1200).", example: "24" },
    { name: "fieldCodes", description: `ISCED-F codes of the fields it concerns, separated by \`${LIST_SEPARATOR}\`.`, example: "0724; 0715" },
    { name: "directions", description: `Directions of cooperation, separated by \`${LIST_SEPARATOR}\`: ${Object.values(CooperationDirection).join(", ")}.`, example: "PRACTICAL_TRAINING; EMPLOYMENT" },
    { name: "budgetAmount", description: "Budget, an exact amount such as `150000.00` (confidential: parties and administrators only).", example: "" },
    { name: "budgetCurrency", description: "Its ISO 4217 currency, e.g. `UZS` (with budgetAmount).", example: "" },
    { name: "internalNotes", description: "Internal notes (confidential).", example: "" },
    ...Array.from({ length: MAX_PARTIES }, (_, i) => partyColumns(i + 1)).flat(),
  ],
};

