/**
 * Every program record's fields, once: type, rules and words on the create
 * and update inputs (resolvers/inputs.ts derives the inputs), and the filter's rules. Some fields are
 * set by the server or the seed, never sent (status, signatures): they carry
 * rules only. The seed and every mutation check the same rules.
 */
import { ID, Int } from "type-graphql";
import { DatePrecision } from "../../shared/domain/dates";
import { DateScalar } from "../../shared/graphql/scalars";
import { createInputType, recordFields, registeredRules, rulesOf, storedOnly, type RecordOf } from "../../shared/records/input-fields";
import { amount, checkedFilter, countryCode, currency, date, each, fieldOfEducationCode, integer, maxItems, notBefore, oneOf, precisionGoesWithDate, searchText, slug, text, uuid } from "../../shared/records/validation";
import { ActivityKind, ActivityStatus, CooperationDirection, InstitutionType, PartyRole, ProgramKind, ProgramStatus } from "./entities/enums";
import type { ProgramFilter } from "./resolvers/filters";

export const partyFields = recordFields({
  institutionType: { type: () => InstitutionType, required: true, rules: [oneOf(InstitutionType)], create: "Whether it is an enterprise or a university." },
  institutionId: { type: () => ID, required: true, rules: [uuid], create: "Id of the enterprise or university; checked with the subgraph that owns it." },
  /** Copied from the institution's subgraph when the party is stored. */
  institutionCountryCode: storedOnly<string>([countryCode]),
  unitId: { type: () => ID, rules: [uuid], create: "Id of its division or department that takes part, if any." },
  role: { type: () => PartyRole, required: true, rules: [oneOf(PartyRole)], create: "The part it plays; SIGNATORY parties must sign before the program is active." },
  signatoryName: { type: () => String, rules: [text(300)], create: "Who will sign for it." },
  signatoryPosition: { type: () => String, rules: [text(300)], create: "That person's position." },
  /** Set by signProgram. */
  signedOn: storedOnly<string>([date]),
});
export type PartyInput = RecordOf<typeof partyFields>;
export const partyRules = rulesOf(partyFields);
/** Part of a program's input, so it sits beside the fields that take it. */
export const ProgramPartyInput = createInputType("ProgramPartyInput", "An institution taking part in a program.", partyFields);
export type ProgramPartyInput = InstanceType<typeof ProgramPartyInput>;

export const directionFields = recordFields({
  direction: { type: () => CooperationDirection, required: true, rules: [oneOf(CooperationDirection)], create: "The direction." },
  description: { type: () => String, rules: [text(2000)], create: "The program's own words for it." },
});
export type DirectionInput = RecordOf<typeof directionFields>;
export const directionRules = rulesOf(directionFields);
export const ProgramDirectionInput = createInputType("ProgramDirectionInput", "A direction of cooperation the program provides for.", directionFields);
export type ProgramDirectionInput = InstanceType<typeof ProgramDirectionInput>;

/** A budget as the client sends it; stored as budgetAmount and budgetCurrency, whose rules these are. */
export const moneyFields = recordFields({
  amount: { type: () => String, required: true, rules: [amount], create: "Exact decimal amount as text, e.g. `150000.00`." },
  currency: { type: () => String, required: true, rules: [currency], create: "ISO 4217 currency code, e.g. `UZS`." },
});
export const MoneyInput = createInputType("MoneyInput", "An amount of money in a currency.", moneyFields);
export type MoneyInput = InstanceType<typeof MoneyInput>;

const hostGoesTogether = (a: { hostInstitutionId?: string | null; hostInstitutionType?: InstitutionType | null; hostUnitId?: string | null }) =>
  (a.hostInstitutionId == null) !== (a.hostInstitutionType == null)
    ? { field: "hostInstitutionType", message: "and hostInstitutionId go together" }
    : a.hostUnitId != null && a.hostInstitutionId == null
      ? { field: "hostUnitId", message: "needs hostInstitutionId" }
      : null;

export const activityFields = recordFields({
  kind: { type: () => ActivityKind, required: true, rules: [oneOf(ActivityKind)], create: "What happens.", update: "New kind." },
  status: { type: () => ActivityStatus, required: true, rules: [oneOf(ActivityStatus)], create: "Planned, under way, done or cancelled.", update: "New status." },
  title: { type: () => String, required: true, rules: [text(300)], create: "Short title.", update: "New title." },
  description: { type: () => String, rules: [text(10_000)], create: "What happens, in a few sentences.", update: "New description." },
  startsOn: { type: () => DateScalar, rules: [date], create: "First day.", update: "New first day." },
  startsOnPrecision: { type: () => DatePrecision, rules: [oneOf(DatePrecision)], create: "Precision of `startsOn` (required with it).", update: "Precision of the new first day." },
  endsOn: { type: () => DateScalar, rules: [date], create: "Last day.", update: "New last day." },
  endsOnPrecision: { type: () => DatePrecision, rules: [oneOf(DatePrecision)], create: "Precision of `endsOn` (required with it).", update: "Precision of the new last day." },
  hostInstitutionType: { type: () => InstitutionType, rules: [oneOf(InstitutionType)], create: "Whether the host is an enterprise or a university." },
  hostInstitutionId: { type: () => ID, rules: [uuid], create: "The host institution (checked with its subgraph)." },
  hostUnitId: { type: () => ID, rules: [uuid], create: "The host's division or department where it happens." },
  plannedParticipants: { type: () => Int, rules: [integer(0, 1_000_000)], create: "Participants planned.", update: "New number of participants planned." },
  actualParticipants: { type: () => Int, rules: [integer(0, 1_000_000)], create: "Participants who took part.", update: "New number of participants who took part." },
});
export type ActivityInput = RecordOf<typeof activityFields>;
export const activityRules = rulesOf(activityFields, [
  notBefore<ActivityInput>("startsOn", "endsOn"),
  precisionGoesWithDate<ActivityInput>("startsOn"),
  precisionGoesWithDate<ActivityInput>("endsOn"),
  hostGoesTogether,
]);

export const programFields = recordFields({
  slug: { type: () => String, required: true, rules: [slug], create: "Unique, stable, human-readable identifier." },
  title: { type: () => String, required: true, rules: [text(500)], create: "Title of the program or its founding document.", update: "New title." },
  kind: { type: () => ProgramKind, required: true, rules: [oneOf(ProgramKind)], create: "What kind of cooperation it is.", update: "New kind." },
  /** DRAFT when created; signatures and termination move it on. */
  status: storedOnly<ProgramStatus, true>([oneOf(ProgramStatus)], true),
  description: { type: () => String, rules: [text(10_000)], create: "What it provides for.", update: "New description." },
  framework: { type: () => String, rules: [text(10_000)], create: "Agreements or events it implements.", update: "New framework." },
  /** The day the last signatory signed. */
  signedOn: storedOnly<string>([date]),
  signedOnPrecision: storedOnly<DatePrecision>([oneOf(DatePrecision)]),
  signedPlace: { type: () => String, rules: [text(500)], create: "Where it is (to be) signed.", update: "New place of signing." },
  startsOn: { type: () => DateScalar, rules: [date], create: "First day it runs; defaults to the day the last signatory signs.", update: "New first day." },
  startsOnPrecision: { type: () => DatePrecision, rules: [oneOf(DatePrecision)], create: "How much of `startsOn` is known (required with it).", update: "Precision of the new first day." },
  endsOn: { type: () => DateScalar, rules: [date], create: "Last day it runs; follows from `termMonths` once it starts if not given.", update: "New last day (extends or shortens the program)." },
  endsOnPrecision: { type: () => DatePrecision, rules: [oneOf(DatePrecision)], create: "How much of `endsOn` is known (required with it).", update: "Precision of the new last day." },
  termMonths: { type: () => Int, rules: [integer(1, 1200)], create: "Term in months.", update: "New term in months." },
  fieldCodes: { type: () => [String], rules: [maxItems(50), each(fieldOfEducationCode)], create: "ISCED-F codes of the fields it concerns.", update: "New ISCED-F codes (replace the old ones)." },
  /** Sent as one object, stored (and checked) as the two columns below. */
  budget: { type: () => MoneyInput, create: "Budget (confidential: parties and administrators only).", update: "New budget (null removes it)." },
  budgetAmount: storedOnly<string>([amount]),
  budgetCurrency: storedOnly<string>([currency]),
  internalNotes: { type: () => String, rules: [text(10_000)], create: "Internal notes (confidential).", update: "New internal notes." },
  parties: {
    type: () => [ProgramPartyInput],
    required: true,
    rules: [maxItems(200), each(partyRules)],
    create: "The institutions taking part; yours must be one of them, and at least one must be a SIGNATORY.",
    update: "All parties (replace the old ones). A term: each institution whose part this adds, removes or changes approves the new version.",
  },
  directions: { type: () => [ProgramDirectionInput], rules: [maxItems(100), each(directionRules)], create: "Directions of cooperation.", update: "All directions (replace the old ones)." },
  /** The seed's activities; clients add them one by one (addActivity). */
  activities: storedOnly<ActivityInput[]>([maxItems(500), each(activityRules)]),
});
export type ProgramInput = RecordOf<typeof programFields>;
export const programRules = rulesOf(programFields, [
  notBefore<ProgramInput>("startsOn", "endsOn"),
  precisionGoesWithDate<ProgramInput>("signedOn"),
  precisionGoesWithDate<ProgramInput>("startsOn"),
  precisionGoesWithDate<ProgramInput>("endsOn"),
  (p) => ((p.budgetAmount == null) !== (p.budgetCurrency == null) ? { field: "budgetCurrency", message: "and budgetAmount go together" } : null),
  (p) => (Array.isArray(p.parties) && p.parties.length < 2 ? { field: "parties", message: "must name at least two institutions" } : null),
  (p) => {
    if (!Array.isArray(p.parties)) return null;
    const keys = p.parties.map((party) => `${party.institutionId}:${party.unitId ?? ""}:${party.role}`);
    const repeated = keys.findIndex((key, i) => keys.indexOf(key) !== i);
    return repeated >= 0 ? { field: `parties[${repeated}]`, message: "repeats a party with the same institution, unit and role" } : null;
  },
]);

export const signatureFields = recordFields({
  signedOn: { type: () => DateScalar, required: true, rules: [date], create: "The day the party signed." },
  signatoryName: { type: () => String, required: true, rules: [text(300)], create: "Who signed for the party." },
  signatoryPosition: { type: () => String, rules: [text(300)], create: "Their position." },
  institutionId: { type: () => ID, rules: [uuid], create: "Administrators only: the party to sign for (an editor always signs for their own institution)." },
});
export type SignatureInput = RecordOf<typeof signatureFields>;
export const signatureRules = rulesOf(signatureFields);

export const terminationFields = recordFields({
  endsOn: { type: () => DateScalar, required: true, rules: [date], create: "Its last day." },
  reason: { type: () => String, required: true, rules: [text(2000)], create: "Why it ends." },
  /** The program's start, which the last day may not precede. */
  startsOn: storedOnly<string>(),
});
export type TerminationInput = RecordOf<typeof terminationFields>;
export const terminationRules = rulesOf(terminationFields, [notBefore<TerminationInput>("startsOn", "endsOn")]);

// The filter of every list, network and statistic of programs: refused before it becomes SQL when no program could match it.
const programFilterRules = registeredRules<ProgramFilter>("ProgramFilter", {
  text: [searchText(200)],
  partyId: [uuid],
  partyCountryCodes: [maxItems(300), each(countryCode)],
  fieldCodes: [maxItems(100), each(fieldOfEducationCode)],
  expiringWithinDays: [integer(0, 36_500)],
  kinds: [maxItems(50)],
  statuses: [maxItems(50)],
  directions: [maxItems(50)],
});

/**
 * Refuses a filter no program could match (an unknown code, text with NUL, an id that is no UUID, too many values)
 * before it becomes SQL; ids and country codes may come in any case, as the enterprises and universities filters take them.
 */
export function checkProgramFilter(filter: ProgramFilter): ProgramFilter {
  return checkedFilter(filter, programFilterRules);
}
