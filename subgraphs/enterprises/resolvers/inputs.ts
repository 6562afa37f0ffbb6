/**
 * What clients send to write enterprise records. Create inputs carry every
 * required field; update inputs only what changes (omitted = unchanged,
 * null = cleared). Both are checked by the rules in ../validation.ts.
 */
import { Field, ID, InputType } from "type-graphql";
import { LocalizedNameInput } from "../../../shared/domain/localized-name";
import { DivisionKind } from "../entities/enums";
import type { ContactInput, DivisionInput, EnterpriseInput } from "../validation";

@InputType("EnterpriseInput", { description: "A new enterprise." })
export class EnterpriseCreateInput implements EnterpriseInput {
  @Field(() => String, { description: "Unique, stable, human-readable identifier: lowercase letters, digits and hyphens." })
  slug: string;

  @Field(() => String, { description: "Display name, in English where there is one." })
  name: string;

  @Field(() => String, { nullable: true, description: "Acronym or short name." })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: "Legal form, e.g. `JSC`." })
  legalForm?: string | null;

  @Field(() => String, { description: "Country of registration, ISO 3166-1 alpha-2." })
  countryCode: string;

  @Field(() => String, { nullable: true, description: "Region, province or oblast." })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "City or town." })
  city?: string | null;

  @Field(() => [String], { nullable: true, description: "NACE Rev. 2 codes of what it does." })
  industryCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: "Web site address (http or https)." })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "What the enterprise does." })
  description?: string | null;

  @Field(() => [LocalizedNameInput], { nullable: true, description: "Its names in every language; replaces all names when given." })
  names?: LocalizedNameInput[] | null;
}

@InputType("EnterpriseUpdateInput", { description: "Changes to an enterprise: only the fields given change (null clears an optional one)." })
export class EnterpriseUpdateInput implements Partial<Omit<EnterpriseInput, "slug">> {
  @Field(() => String, { nullable: true, description: "New display name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "New acronym or short name." })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: "New legal form." })
  legalForm?: string | null;

  @Field(() => String, { nullable: true, description: "New country of registration, ISO 3166-1 alpha-2." })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: "New region." })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "New city or town." })
  city?: string | null;

  @Field(() => [String], { nullable: true, description: "New NACE Rev. 2 codes (replace the old ones)." })
  industryCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: "New web site address." })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;

  @Field(() => [LocalizedNameInput], { nullable: true, description: "All its names (replace the old ones)." })
  names?: LocalizedNameInput[] | null;
}

@InputType("DivisionInput", { description: "A new division of an enterprise." })
export class DivisionCreateInput implements DivisionInput {
  @Field(() => String, { description: "Unique, stable, human-readable identifier." })
  slug: string;

  @Field(() => String, { description: "Display name." })
  name: string;

  @Field(() => DivisionKind, { description: "What kind of unit it is." })
  kind: DivisionKind;

  @Field(() => ID, { nullable: true, description: "The division it sits inside, if any (of the same enterprise)." })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "What it is or does." })
  description?: string | null;
}

@InputType("DivisionUpdateInput", { description: "Changes to a division: only the fields given change." })
export class DivisionUpdateInput implements Partial<Omit<DivisionInput, "slug">> {
  @Field(() => String, { nullable: true, description: "New display name." })
  name?: string;

  @Field(() => DivisionKind, { nullable: true, description: "New kind." })
  kind?: DivisionKind;

  @Field(() => ID, { nullable: true, description: "New parent division (null: top of the tree)." })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;
}

@InputType("ContactInput", { description: "A new person or service line of an enterprise." })
export class ContactCreateInput implements ContactInput {
  @Field(() => String, { description: "Full name of the person, or the name of the service line." })
  name: string;

  @Field(() => String, { nullable: true, description: "Position held." })
  position?: string | null;

  @Field(() => String, { nullable: true, description: "E-mail address (confidential)." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number (confidential)." })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: "The division the contact works in, if any." })
  divisionId?: string | null;
}

@InputType("ContactUpdateInput", { description: "Changes to a contact: only the fields given change." })
export class ContactUpdateInput implements Partial<ContactInput> {
  @Field(() => String, { nullable: true, description: "New name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "New position." })
  position?: string | null;

  @Field(() => String, { nullable: true, description: "New e-mail address." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "New phone number." })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: "New division (null: none)." })
  divisionId?: string | null;
}
