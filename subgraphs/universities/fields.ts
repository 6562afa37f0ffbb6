/**
 * Every university record's writable fields, declared once: type, rules and
 * words on the create and update inputs (the record mechanisms in
 * shared/records make the inputs from them), and the filter's rules. The
 * seed and every mutation check the same rules.
 */
import { ID } from "type-graphql";
import { DatePrecision } from "../../shared/domain/dates";
import { LocalizedNameInput, localizedNameRules } from "../../shared/domain/localized-name";
import { DateScalar } from "../../shared/graphql/scalars";
import { createInputType, recordFields, registeredRules, rulesOf, type RecordOf } from "../../shared/records/input-fields";
import { checkedFilter, countryCode, date, each, email, fieldOfEducationCode, maxItems, oneOf, phone, rorId, searchText, slug, text, url, uuid } from "../../shared/records/validation";
import { DepartmentKind, UniversityKind } from "./entities/enums";
import type { UniversityFilter } from "./resolvers/filters";

export const universityFields = recordFields({
  slug: { type: () => String, required: true, rules: [slug], create: "Unique, stable, human-readable identifier: lowercase letters, digits and hyphens." },
  name: { type: () => String, required: true, rules: [text(300)], create: "Display name, in English where there is one.", update: "New display name." },
  shortName: { type: () => String, rules: [text(50)], create: "Acronym or short name.", update: "New acronym or short name." },
  kind: { type: () => UniversityKind, required: true, rules: [oneOf(UniversityKind)], create: "What kind of institution it is." },
  parentId: { type: () => ID, rules: [uuid], create: "For a branch, the university it belongs to." },
  countryCode: { type: () => String, required: true, rules: [countryCode], create: "Country, ISO 3166-1 alpha-2.", update: "New country, ISO 3166-1 alpha-2." },
  region: { type: () => String, rules: [text(200)], create: "Region, province or oblast.", update: "New region." },
  city: { type: () => String, rules: [text(200)], create: "City or town.", update: "New city or town." },
  fieldCodes: { type: () => [String], rules: [maxItems(50), each(fieldOfEducationCode)], create: "ISCED-F codes of its fields of education.", update: "New ISCED-F codes (replace the old ones)." },
  rorId: { type: () => String, rules: [rorId], create: "Research Organization Registry id, without the https://ror.org/ prefix.", update: "New ROR id." },
  website: { type: () => String, rules: [url], create: "Web site address (http or https).", update: "New web site address." },
  description: { type: () => String, rules: [text(10_000)], create: "What the institution is or does.", update: "New description." },
  names: { type: () => [LocalizedNameInput], rules: [maxItems(50), each(localizedNameRules)], create: "Its names in every language.", update: "All its names (replace the old ones)." },
});
export type UniversityInput = RecordOf<typeof universityFields>;
export const universityRules = rulesOf(universityFields, [
  (u) => (u.kind === UniversityKind.BRANCH && !u.parentId ? { field: "parentId", message: "is required for a BRANCH (the university it belongs to)" } : null),
]);

export const departmentFields = recordFields({
  slug: { type: () => String, required: true, rules: [slug], create: "Unique, stable, human-readable identifier." },
  name: { type: () => String, required: true, rules: [text(300)], create: "Display name.", update: "New display name." },
  kind: { type: () => DepartmentKind, required: true, rules: [oneOf(DepartmentKind)], create: "What kind of unit it is.", update: "New kind." },
  parentId: { type: () => ID, rules: [uuid], create: "The unit it sits inside (a faculty, say), of the same university.", update: "New parent unit (null: top of the tree)." },
  fieldCodes: { type: () => [String], rules: [maxItems(50), each(fieldOfEducationCode)], create: "ISCED-F codes of its fields of education.", update: "New ISCED-F codes." },
  description: { type: () => String, rules: [text(10_000)], create: "What it teaches or does.", update: "New description." },
});
export type DepartmentInput = RecordOf<typeof departmentFields>;
export const departmentRules = rulesOf(departmentFields);

export const honourFields = recordFields({
  title: { type: () => String, required: true, rules: [text(300)], create: "The title or award." },
  awardedBy: { type: () => String, rules: [text(300)], create: "Who awarded it." },
  awardingUniversityId: { type: () => ID, rules: [uuid], create: "The awarding university, when it is in the graph." },
  awardedOn: { type: () => DateScalar, rules: [date], create: "When it was awarded." },
  awardedOnPrecision: { type: () => DatePrecision, rules: [oneOf(DatePrecision)], create: "How much of `awardedOn` is known." },
});
export type HonourInput = RecordOf<typeof honourFields>;
export const honourRules = rulesOf(honourFields);
/** Part of a person's input, so it sits beside the fields that take it. */
export const HonourCreateInput = createInputType("HonourInput", "An honorary title or award of a person.", honourFields);

export const personFields = recordFields({
  name: { type: () => String, required: true, rules: [text(300)], create: "Full name.", update: "New name." },
  position: { type: () => String, rules: [text(300)], create: "Position or status, e.g. `Director`, `Student`.", update: "New position." },
  academicDegree: { type: () => String, rules: [text(300)], create: "Academic degree.", update: "New academic degree." },
  departmentId: { type: () => ID, rules: [uuid], create: "The faculty or department the person belongs to.", update: "New faculty or department (null: none)." },
  originCountryCode: { type: () => String, rules: [countryCode], create: "Country the person comes from, ISO 3166-1 alpha-2.", update: "New country of origin." },
  honours: { type: () => [HonourCreateInput], rules: [maxItems(50), each(honourRules)], create: "Honorary titles and awards.", update: "All honours (replace the old ones)." },
  email: { type: () => String, rules: [email], create: "E-mail address (confidential).", update: "New e-mail address." },
  phone: { type: () => String, rules: [phone], create: "Phone number (confidential).", update: "New phone number." },
});
export type PersonInput = RecordOf<typeof personFields>;
export const personRules = rulesOf(personFields);

// The universities list's filter: refused before it becomes SQL when no university could match it.
const universityFilterRules = registeredRules<UniversityFilter>("UniversityFilter", {
  text: [searchText(200)],
  countryCode: [countryCode],
  fieldCode: [fieldOfEducationCode],
  parentId: [uuid],
});

/** Refuses a filter no university could match (an unknown code, text with NUL, an id that is no UUID) before it becomes SQL; country codes may come in lower case. */
export function checkUniversityFilter(filter: UniversityFilter): UniversityFilter {
  return checkedFilter(filter, universityFilterRules);
}
