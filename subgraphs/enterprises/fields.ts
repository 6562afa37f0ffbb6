/**
 * Every enterprise record's writable fields, declared once: type, rules and
 * words on the create and update inputs (the record mechanisms in
 * shared/records make the inputs from them), and the filter's rules. The
 * seed and every mutation check the same rules.
 */
import { ID } from "type-graphql";
import { LocalizedNameInput, localizedNameRules } from "../../shared/domain/localized-name";
import { recordFields, registeredRules, rulesOf, type RecordOf } from "../../shared/records/input-fields";
import { checkedFilter, countryCode, each, email, industryCode, maxItems, oneOf, phone, searchText, slug, text, url, uuid } from "../../shared/records/validation";
import { DivisionKind } from "./entities/enums";
import type { EnterpriseFilter } from "./resolvers/filters";

export const enterpriseFields = recordFields({
  slug: { type: () => String, required: true, rules: [slug], create: "Unique, stable, human-readable identifier: lowercase letters, digits and hyphens." },
  name: { type: () => String, required: true, rules: [text(300)], create: "Display name, in English where there is one.", update: "New display name." },
  shortName: { type: () => String, rules: [text(50)], create: "Acronym or short name.", update: "New acronym or short name." },
  legalForm: { type: () => String, rules: [text(100)], create: "Legal form, e.g. `JSC`.", update: "New legal form." },
  countryCode: { type: () => String, required: true, rules: [countryCode], create: "Country of registration, ISO 3166-1 alpha-2.", update: "New country of registration, ISO 3166-1 alpha-2." },
  region: { type: () => String, rules: [text(200)], create: "Region, province or oblast.", update: "New region." },
  city: { type: () => String, rules: [text(200)], create: "City or town.", update: "New city or town." },
  industryCodes: { type: () => [String], rules: [maxItems(20), each(industryCode)], create: "NACE Rev. 2 codes of what it does.", update: "New NACE Rev. 2 codes (replace the old ones)." },
  website: { type: () => String, rules: [url], create: "Web site address (http or https).", update: "New web site address." },
  description: { type: () => String, rules: [text(10_000)], create: "What the enterprise does.", update: "New description." },
  names: {
    type: () => [LocalizedNameInput],
    rules: [maxItems(50), each(localizedNameRules)],
    create: "Its names in every language; replaces all names when given.",
    update: "All its names (replace the old ones).",
  },
});
export type EnterpriseInput = RecordOf<typeof enterpriseFields>;
export const enterpriseRules = rulesOf(enterpriseFields);

export const divisionFields = recordFields({
  slug: { type: () => String, required: true, rules: [slug], create: "Unique, stable, human-readable identifier." },
  name: { type: () => String, required: true, rules: [text(300)], create: "Display name.", update: "New display name." },
  kind: { type: () => DivisionKind, required: true, rules: [oneOf(DivisionKind)], create: "What kind of unit it is.", update: "New kind." },
  parentId: { type: () => ID, rules: [uuid], create: "The division it sits inside, if any (of the same enterprise).", update: "New parent division (null: top of the tree)." },
  description: { type: () => String, rules: [text(10_000)], create: "What it is or does.", update: "New description." },
});
export type DivisionInput = RecordOf<typeof divisionFields>;
export const divisionRules = rulesOf(divisionFields);

export const contactFields = recordFields({
  name: { type: () => String, required: true, rules: [text(300)], create: "Full name of the person, or the name of the service line.", update: "New name." },
  position: { type: () => String, rules: [text(300)], create: "Position held.", update: "New position." },
  email: { type: () => String, rules: [email], create: "E-mail address (confidential).", update: "New e-mail address." },
  phone: { type: () => String, rules: [phone], create: "Phone number (confidential).", update: "New phone number." },
  divisionId: { type: () => ID, rules: [uuid], create: "The division the contact works in, if any.", update: "New division (null: none)." },
});
export type ContactInput = RecordOf<typeof contactFields>;
export const contactRules = rulesOf(contactFields);

// The enterprises list's filter: refused before it becomes SQL when no enterprise could match it.
const enterpriseFilterRules = registeredRules<EnterpriseFilter>("EnterpriseFilter", {
  text: [searchText(200)],
  countryCode: [countryCode],
  industryCode: [industryCode],
});

/** Refuses a filter no enterprise could match (an unknown code, text with NUL) before it becomes SQL; country codes may come in lower case. */
export function checkEnterpriseFilter(filter: EnterpriseFilter): EnterpriseFilter {
  return checkedFilter(filter, enterpriseFilterRules);
}
