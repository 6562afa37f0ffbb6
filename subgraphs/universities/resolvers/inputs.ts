/**
 * What clients send to write university records. Create inputs carry every
 * required field; update inputs only what changes (omitted = unchanged,
 * null = cleared). Both are checked by the rules in ../validation.ts.
 */
import { Field, ID, InputType } from "type-graphql";
import { DatePrecision } from "../../../shared/domain/dates";
import { LocalizedNameInput } from "../../../shared/domain/localized-name";
import { DateScalar } from "../../../shared/graphql/scalars";
import { DepartmentKind, UniversityKind } from "../entities/enums";
import type { DepartmentInput, HonourInput, PersonInput, UniversityInput } from "../validation";

@InputType("UniversityInput", { description: "A new university, branch, school, academy or institute." })
export class UniversityCreateInput implements UniversityInput {
  @Field(() => String, { description: "Unique, stable, human-readable identifier: lowercase letters, digits and hyphens." })
  slug: string;

  @Field(() => String, { description: "Display name, in English where there is one." })
  name: string;

  @Field(() => String, { nullable: true, description: "Acronym or short name." })
  shortName?: string | null;

  @Field(() => UniversityKind, { description: "What kind of institution it is." })
  kind: UniversityKind;

  @Field(() => ID, { nullable: true, description: "For a branch, the university it belongs to." })
  parentId?: string | null;

  @Field(() => String, { description: "Country, ISO 3166-1 alpha-2." })
  countryCode: string;

  @Field(() => String, { nullable: true, description: "Region, province or oblast." })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "City or town." })
  city?: string | null;

  @Field(() => [String], { nullable: true, description: "ISCED-F codes of its fields of education." })
  fieldCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: "Research Organization Registry id, without the https://ror.org/ prefix." })
  rorId?: string | null;

  @Field(() => String, { nullable: true, description: "Web site address (http or https)." })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "What the institution is or does." })
  description?: string | null;

  @Field(() => [LocalizedNameInput], { nullable: true, description: "Its names in every language." })
  names?: LocalizedNameInput[] | null;
}

@InputType("UniversityUpdateInput", { description: "Changes to a university: only the fields given change (null clears an optional one)." })
export class UniversityUpdateInput implements Partial<Omit<UniversityInput, "slug" | "kind" | "parentId">> {
  @Field(() => String, { nullable: true, description: "New display name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "New acronym or short name." })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: "New country, ISO 3166-1 alpha-2." })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: "New region." })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "New city or town." })
  city?: string | null;

  @Field(() => [String], { nullable: true, description: "New ISCED-F codes (replace the old ones)." })
  fieldCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: "New ROR id." })
  rorId?: string | null;

  @Field(() => String, { nullable: true, description: "New web site address." })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;

  @Field(() => [LocalizedNameInput], { nullable: true, description: "All its names (replace the old ones)." })
  names?: LocalizedNameInput[] | null;
}

@InputType("DepartmentInput", { description: "A new faculty, department or laboratory of a university." })
export class DepartmentCreateInput implements DepartmentInput {
  @Field(() => String, { description: "Unique, stable, human-readable identifier." })
  slug: string;

  @Field(() => String, { description: "Display name." })
  name: string;

  @Field(() => DepartmentKind, { description: "What kind of unit it is." })
  kind: DepartmentKind;

  @Field(() => ID, { nullable: true, description: "The unit it sits inside (a faculty, say), of the same university." })
  parentId?: string | null;

  @Field(() => [String], { nullable: true, description: "ISCED-F codes of its fields of education." })
  fieldCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: "What it teaches or does." })
  description?: string | null;
}

@InputType("DepartmentUpdateInput", { description: "Changes to a department: only the fields given change." })
export class DepartmentUpdateInput implements Partial<Omit<DepartmentInput, "slug">> {
  @Field(() => String, { nullable: true, description: "New display name." })
  name?: string;

  @Field(() => DepartmentKind, { nullable: true, description: "New kind." })
  kind?: DepartmentKind;

  @Field(() => ID, { nullable: true, description: "New parent unit (null: top of the tree)." })
  parentId?: string | null;

  @Field(() => [String], { nullable: true, description: "New ISCED-F codes." })
  fieldCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;
}

@InputType("HonourInput", { description: "An honorary title or award of a person." })
export class HonourCreateInput implements HonourInput {
  @Field(() => String, { description: "The title or award." })
  title: string;

  @Field(() => String, { nullable: true, description: "Who awarded it." })
  awardedBy?: string | null;

  @Field(() => ID, { nullable: true, description: "The awarding university, when it is in the graph." })
  awardingUniversityId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was awarded." })
  awardedOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `awardedOn` is known." })
  awardedOnPrecision?: DatePrecision | null;
}

@InputType("PersonInput", { description: "A new person of a university." })
export class PersonCreateInput implements PersonInput {
  @Field(() => String, { description: "Full name." })
  name: string;

  @Field(() => String, { nullable: true, description: "Position or status, e.g. `Director`, `Student`." })
  position?: string | null;

  @Field(() => String, { nullable: true, description: "Academic degree." })
  academicDegree?: string | null;

  @Field(() => ID, { nullable: true, description: "The faculty or department the person belongs to." })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: "Country the person comes from, ISO 3166-1 alpha-2." })
  originCountryCode?: string | null;

  @Field(() => [HonourCreateInput], { nullable: true, description: "Honorary titles and awards." })
  honours?: HonourCreateInput[] | null;

  @Field(() => String, { nullable: true, description: "E-mail address (confidential)." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number (confidential)." })
  phone?: string | null;
}

@InputType("PersonUpdateInput", { description: "Changes to a person: only the fields given change." })
export class PersonUpdateInput implements Partial<PersonInput> {
  @Field(() => String, { nullable: true, description: "New name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "New position." })
  position?: string | null;

  @Field(() => String, { nullable: true, description: "New academic degree." })
  academicDegree?: string | null;

  @Field(() => ID, { nullable: true, description: "New faculty or department (null: none)." })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: "New country of origin." })
  originCountryCode?: string | null;

  @Field(() => [HonourCreateInput], { nullable: true, description: "All honours (replace the old ones)." })
  honours?: HonourCreateInput[] | null;

  @Field(() => String, { nullable: true, description: "New e-mail address." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "New phone number." })
  phone?: string | null;
}
