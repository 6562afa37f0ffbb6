/** Rules for every enterprise record written, by the seed or through the API. */
import { type LocalizedNameInput, localizedNameRules } from "../../shared/domain/localized-name";
import { countryCode, each, email, industryCode, maxItems, oneOf, phone, required, slug, text, url, uuid, type Rules } from "../../shared/records/validation";
import { DivisionKind } from "./entities/enums";

export interface EnterpriseInput {
  slug: string;
  name: string;
  shortName?: string | null;
  legalForm?: string | null;
  countryCode: string;
  region?: string | null;
  city?: string | null;
  industryCodes?: string[] | null;
  website?: string | null;
  description?: string | null;
  names?: LocalizedNameInput[] | null;
}

export const enterpriseRules: Rules<EnterpriseInput> = {
  slug: [required, slug],
  name: [required, text(300)],
  shortName: [text(50)],
  legalForm: [text(100)],
  countryCode: [required, countryCode],
  region: [text(200)],
  city: [text(200)],
  industryCodes: [maxItems(20), each(industryCode)],
  website: [url],
  description: [text(10_000)],
  names: [maxItems(50), each(localizedNameRules)],
};

export interface DivisionInput {
  slug: string;
  name: string;
  kind: DivisionKind;
  parentId?: string | null;
  description?: string | null;
}

export const divisionRules: Rules<DivisionInput> = {
  slug: [required, slug],
  name: [required, text(300)],
  kind: [required, oneOf(DivisionKind)],
  parentId: [uuid],
  description: [text(10_000)],
};

export interface ContactInput {
  name: string;
  position?: string | null;
  email?: string | null;
  phone?: string | null;
  divisionId?: string | null;
}

export const contactRules: Rules<ContactInput> = {
  name: [required, text(300)],
  position: [text(300)],
  email: [email],
  phone: [phone],
  divisionId: [uuid],
};

// The enterprises list's filter: refused before it becomes SQL when no enterprise could match it.
import { checkedFilter } from "../../shared/records/validation";
import type { EnterpriseFilter } from "./resolvers/filters";

const enterpriseFilterRules: Rules<EnterpriseFilter> = {
  text: [text(200)],
  countryCode: [countryCode],
  industryCode: [industryCode],
};

/** Refuses a filter no enterprise could match (an unknown code, text with NUL) before it becomes SQL; country codes may come in lower case. */
export function checkEnterpriseFilter(filter: EnterpriseFilter): EnterpriseFilter {
  return checkedFilter(filter, enterpriseFilterRules);
}
