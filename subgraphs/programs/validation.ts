/** Rules for every program record written, by the seed or through the API. */
import { DatePrecision } from "../../shared/domain/dates";
import {
  amount,
  countryCode,
  currency,
  date,
  each,
  fieldOfEducationCode,
  integer,
  maxItems,
  notBefore,
  precisionGoesWithDate,
  oneOf,
  required,
  slug,
  text,
  uuid,
  type Rules,
} from "../../shared/records/validation";
import { ActivityKind, ActivityStatus, CooperationDirection, InstitutionType, PartyRole, ProgramKind, ProgramStatus } from "./entities/enums";

export interface PartyInput {
  institutionType: InstitutionType;
  institutionId: string;
  institutionCountryCode?: string | null;
  unitId?: string | null;
  role: PartyRole;
  signatoryName?: string | null;
  signatoryPosition?: string | null;
  signedOn?: string | null;
}

export const partyRules: Rules<PartyInput> = {
  institutionType: [required, oneOf(InstitutionType)],
  institutionId: [required, uuid],
  institutionCountryCode: [countryCode],
  unitId: [uuid],
  role: [required, oneOf(PartyRole)],
  signatoryName: [text(300)],
  signatoryPosition: [text(300)],
  signedOn: [date],
};

export interface DirectionInput {
  direction: CooperationDirection;
  description?: string | null;
}

export const directionRules: Rules<DirectionInput> = {
  direction: [required, oneOf(CooperationDirection)],
  description: [text(2000)],
};

export interface ActivityInput {
  kind: ActivityKind;
  status: ActivityStatus;
  title: string;
  description?: string | null;
  startsOn?: string | null;
  startsOnPrecision?: DatePrecision | null;
  endsOn?: string | null;
  endsOnPrecision?: DatePrecision | null;
  hostInstitutionType?: InstitutionType | null;
  hostInstitutionId?: string | null;
  hostUnitId?: string | null;
  plannedParticipants?: number | null;
  actualParticipants?: number | null;
}

export const activityRules: Rules<ActivityInput> = {
  kind: [required, oneOf(ActivityKind)],
  status: [required, oneOf(ActivityStatus)],
  title: [required, text(300)],
  description: [text(10_000)],
  startsOn: [date],
  startsOnPrecision: [oneOf(DatePrecision)],
  endsOn: [date],
  endsOnPrecision: [oneOf(DatePrecision)],
  hostInstitutionType: [oneOf(InstitutionType)],
  hostInstitutionId: [uuid],
  hostUnitId: [uuid],
  plannedParticipants: [integer(0, 1_000_000)],
  actualParticipants: [integer(0, 1_000_000)],
  $object: [
    notBefore<ActivityInput>("startsOn", "endsOn"),
    precisionGoesWithDate<ActivityInput>("startsOn"),
    precisionGoesWithDate<ActivityInput>("endsOn"),
    (a) =>
      (a.hostInstitutionId == null) !== (a.hostInstitutionType == null)
        ? { field: "hostInstitutionType", message: "and hostInstitutionId go together" }
        : a.hostUnitId != null && a.hostInstitutionId == null
          ? { field: "hostUnitId", message: "needs hostInstitutionId" }
          : null,
  ],
};

export interface ProgramInput {
  slug: string;
  title: string;
  kind: ProgramKind;
  status: ProgramStatus;
  description?: string | null;
  framework?: string | null;
  signedOn?: string | null;
  signedOnPrecision?: DatePrecision | null;
  signedPlace?: string | null;
  startsOn?: string | null;
  startsOnPrecision?: DatePrecision | null;
  endsOn?: string | null;
  endsOnPrecision?: DatePrecision | null;
  termMonths?: number | null;
  fieldCodes?: string[] | null;
  budgetAmount?: string | null;
  budgetCurrency?: string | null;
  internalNotes?: string | null;
  parties: PartyInput[];
  directions?: DirectionInput[] | null;
  activities?: ActivityInput[] | null;
}

export const programRules: Rules<ProgramInput> = {
  slug: [required, slug],
  title: [required, text(500)],
  kind: [required, oneOf(ProgramKind)],
  status: [required, oneOf(ProgramStatus)],
  description: [text(10_000)],
  framework: [text(10_000)],
  signedOn: [date],
  signedOnPrecision: [oneOf(DatePrecision)],
  signedPlace: [text(500)],
  startsOn: [date],
  startsOnPrecision: [oneOf(DatePrecision)],
  endsOn: [date],
  endsOnPrecision: [oneOf(DatePrecision)],
  termMonths: [integer(1, 1200)],
  fieldCodes: [maxItems(50), each(fieldOfEducationCode)],
  budgetAmount: [amount],
  budgetCurrency: [currency],
  internalNotes: [text(10_000)],
  parties: [required, maxItems(200), each(partyRules)],
  directions: [maxItems(100), each(directionRules)],
  activities: [maxItems(500), each(activityRules)],
  $object: [
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
  ],
};

export interface SignatureInput {
  signedOn: string;
  signatoryName: string;
  signatoryPosition?: string | null;
  institutionId?: string | null;
}

export const signatureRules: Rules<SignatureInput> = {
  signedOn: [required, date],
  signatoryName: [required, text(300)],
  signatoryPosition: [text(300)],
  institutionId: [uuid],
};

export interface TerminationInput {
  endsOn: string;
  reason: string;
  /** The program's start, which the last day may not precede. */
  startsOn?: string | null;
}

export const terminationRules: Rules<TerminationInput> = {
  endsOn: [required, date],
  reason: [required, text(2000)],
  $object: [notBefore<TerminationInput>("startsOn", "endsOn")],
};

// The filter of every list, network and statistic of programs: refused before it becomes SQL when no program could match it.
import { checkedFilter } from "../../shared/records/validation";
import type { ProgramFilter } from "./resolvers/filters";

const programFilterRules: Rules<ProgramFilter> = {
  text: [text(200)],
  partyId: [uuid],
  partyCountryCodes: [maxItems(300), each(countryCode)],
  fieldCodes: [maxItems(100), each(fieldOfEducationCode)],
  expiringWithinDays: [integer(0, 36_500)],
  kinds: [maxItems(50)],
  statuses: [maxItems(50)],
  directions: [maxItems(50)],
};

/**
 * Refuses a filter no program could match (an unknown code, text with NUL, an id that is no UUID, too many values)
 * before it becomes SQL; ids and country codes may come in any case, as the enterprises and universities filters take them.
 */
export function checkProgramFilter(filter: ProgramFilter): ProgramFilter {
  return checkedFilter(filter, programFilterRules);
}
