/** Rules for every university record written, by the seed or through the API. */
import { DatePrecision } from "../../shared/domain/dates";
import { type LocalizedNameInput, localizedNameRules } from "../../shared/domain/localized-name";
import {
  countryCode,
  date,
  each,
  email,
  fieldOfEducationCode,
  maxItems,
  oneOf,
  phone,
  required,
  rorId,
  slug,
  text,
  url,
  uuid,
  type Rules,
} from "../../shared/records/validation";
import { DepartmentKind, UniversityKind } from "./entities/enums";

export interface UniversityInput {
  slug: string;
  name: string;
  shortName?: string | null;
  kind: UniversityKind;
  parentId?: string | null;
  countryCode: string;
  region?: string | null;
  city?: string | null;
  fieldCodes?: string[] | null;
  rorId?: string | null;
  website?: string | null;
  description?: string | null;
  names?: LocalizedNameInput[] | null;
}

export const universityRules: Rules<UniversityInput> = {
  slug: [required, slug],
  name: [required, text(300)],
  shortName: [text(50)],
  kind: [required, oneOf(UniversityKind)],
  parentId: [uuid],
  countryCode: [required, countryCode],
  region: [text(200)],
  city: [text(200)],
  fieldCodes: [maxItems(50), each(fieldOfEducationCode)],
  rorId: [rorId],
  website: [url],
  description: [text(10_000)],
  names: [maxItems(50), each(localizedNameRules)],
  $object: [
    (u) => (u.kind === UniversityKind.BRANCH && !u.parentId ? { field: "parentId", message: "is required for a BRANCH (the university it belongs to)" } : null),
  ],
};

export interface DepartmentInput {
  slug: string;
  name: string;
  kind: DepartmentKind;
  parentId?: string | null;
  fieldCodes?: string[] | null;
  description?: string | null;
}

export const departmentRules: Rules<DepartmentInput> = {
  slug: [required, slug],
  name: [required, text(300)],
  kind: [required, oneOf(DepartmentKind)],
  parentId: [uuid],
  fieldCodes: [maxItems(50), each(fieldOfEducationCode)],
  description: [text(10_000)],
};

export interface HonourInput {
  title: string;
  awardedBy?: string | null;
  awardingUniversityId?: string | null;
  awardedOn?: string | null;
  awardedOnPrecision?: DatePrecision | null;
}

export const honourRules: Rules<HonourInput> = {
  title: [required, text(300)],
  awardedBy: [text(300)],
  awardingUniversityId: [uuid],
  awardedOn: [date],
  awardedOnPrecision: [oneOf(DatePrecision)],
};

export interface PersonInput {
  name: string;
  position?: string | null;
  academicDegree?: string | null;
  departmentId?: string | null;
  originCountryCode?: string | null;
  honours?: HonourInput[] | null;
  email?: string | null;
  phone?: string | null;
}

export const personRules: Rules<PersonInput> = {
  name: [required, text(300)],
  position: [text(300)],
  academicDegree: [text(300)],
  departmentId: [uuid],
  originCountryCode: [countryCode],
  honours: [maxItems(50), each(honourRules)],
  email: [email],
  phone: [phone],
};

// The universities list's filter: refused before it becomes SQL when no university could match it.
import { checkedFilter } from "../../shared/records/validation";
import type { UniversityFilter } from "./resolvers/filters";

const universityFilterRules: Rules<UniversityFilter> = {
  text: [text(200)],
  countryCode: [countryCode],
  fieldCode: [fieldOfEducationCode],
  parentId: [uuid],
};

/** Refuses a filter no university could match (an unknown code, text with NUL, an id that is no UUID) before it becomes SQL; country codes may come in lower case. */
export function checkUniversityFilter(filter: UniversityFilter): UniversityFilter {
  return checkedFilter(filter, universityFilterRules);
}
