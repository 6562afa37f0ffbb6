/**
 * What clients send to write programs. A program is created as a DRAFT;
 * parties sign it (signProgram) and it becomes ACTIVE when every signatory
 * has; parties amend or terminate it. All input is checked by the rules in
 * ../validation.ts.
 */
import { Field, ID, InputType, Int } from "type-graphql";
import { DatePrecision } from "../../../shared/domain/dates";
import { DateScalar } from "../../../shared/graphql/scalars";
import { ActivityKind, ActivityStatus, CooperationDirection, InstitutionType, PartyRole, ProgramKind } from "../entities/enums";

@InputType("ProgramPartyInput", { description: "An institution taking part in a program." })
export class ProgramPartyInput {
  @Field(() => InstitutionType, { description: "Whether it is an enterprise or a university." })
  institutionType: InstitutionType;

  @Field(() => ID, { description: "Id of the enterprise or university; checked with the subgraph that owns it." })
  institutionId: string;

  @Field(() => ID, { nullable: true, description: "Id of its division or department that takes part, if any." })
  unitId?: string | null;

  @Field(() => PartyRole, { description: "The part it plays; SIGNATORY parties must sign before the program is active." })
  role: PartyRole;

  @Field(() => String, { nullable: true, description: "Who will sign for it." })
  signatoryName?: string | null;

  @Field(() => String, { nullable: true, description: "That person's position." })
  signatoryPosition?: string | null;
}

@InputType("ProgramDirectionInput", { description: "A direction of cooperation the program provides for." })
export class ProgramDirectionInput {
  @Field(() => CooperationDirection, { description: "The direction." })
  direction: CooperationDirection;

  @Field(() => String, { nullable: true, description: "The program's own words for it." })
  description?: string | null;
}

@InputType("MoneyInput", { description: "An amount of money in a currency." })
export class MoneyInput {
  @Field(() => String, { description: "Exact decimal amount as text, e.g. `150000.00`." })
  amount: string;

  @Field(() => String, { description: "ISO 4217 currency code, e.g. `UZS`." })
  currency: string;
}

@InputType("ProgramInput", { description: "A new program, stored as a DRAFT until its signatories sign it." })
export class ProgramCreateInput {
  @Field(() => String, { description: "Unique, stable, human-readable identifier." })
  slug: string;

  @Field(() => String, { description: "Title of the program or its founding document." })
  title: string;

  @Field(() => ProgramKind, { description: "What kind of cooperation it is." })
  kind: ProgramKind;

  @Field(() => String, { nullable: true, description: "What it provides for." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Agreements or events it implements." })
  framework?: string | null;

  @Field(() => String, { nullable: true, description: "Where it is (to be) signed." })
  signedPlace?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day it runs; defaults to the day the last signatory signs." })
  startsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `startsOn` is known (required with it)." })
  startsOnPrecision?: DatePrecision | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day it runs; follows from `termMonths` once it starts if not given." })
  endsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `endsOn` is known (required with it)." })
  endsOnPrecision?: DatePrecision | null;

  @Field(() => Int, { nullable: true, description: "Term in months." })
  termMonths?: number | null;

  @Field(() => [String], { nullable: true, description: "ISCED-F codes of the fields it concerns." })
  fieldCodes?: string[] | null;

  @Field(() => MoneyInput, { nullable: true, description: "Budget (confidential: parties and administrators only)." })
  budget?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: "Internal notes (confidential)." })
  internalNotes?: string | null;

  @Field(() => [ProgramPartyInput], { description: "The institutions taking part; yours must be one of them, and at least one must be a SIGNATORY." })
  parties: ProgramPartyInput[];

  @Field(() => [ProgramDirectionInput], { nullable: true, description: "Directions of cooperation." })
  directions?: ProgramDirectionInput[] | null;
}

@InputType("ProgramUpdateInput", { description: "An amendment: only the fields given change. Parties can change only while the program is a DRAFT (signatures then start over)." })
export class ProgramUpdateInput {
  @Field(() => String, { nullable: true, description: "New title." })
  title?: string;

  @Field(() => ProgramKind, { nullable: true, description: "New kind." })
  kind?: ProgramKind;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "New framework." })
  framework?: string | null;

  @Field(() => String, { nullable: true, description: "New place of signing." })
  signedPlace?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "New first day." })
  startsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of the new first day." })
  startsOnPrecision?: DatePrecision | null;

  @Field(() => DateScalar, { nullable: true, description: "New last day (extends or shortens the program)." })
  endsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of the new last day." })
  endsOnPrecision?: DatePrecision | null;

  @Field(() => Int, { nullable: true, description: "New term in months." })
  termMonths?: number | null;

  @Field(() => [String], { nullable: true, description: "New ISCED-F codes (replace the old ones)." })
  fieldCodes?: string[] | null;

  @Field(() => MoneyInput, { nullable: true, description: "New budget (null removes it)." })
  budget?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: "New internal notes." })
  internalNotes?: string | null;

  @Field(() => [ProgramPartyInput], { nullable: true, description: "All parties (replace the old ones; DRAFT programs only)." })
  parties?: ProgramPartyInput[] | null;

  @Field(() => [ProgramDirectionInput], { nullable: true, description: "All directions (replace the old ones)." })
  directions?: ProgramDirectionInput[] | null;
}

@InputType("SignProgramInput", { description: "A party's signature of a program." })
export class SignProgramInput {
  @Field(() => DateScalar, { description: "The day the party signed." })
  signedOn: string;

  @Field(() => String, { description: "Who signed for the party." })
  signatoryName: string;

  @Field(() => String, { nullable: true, description: "Their position." })
  signatoryPosition?: string | null;

  @Field(() => ID, { nullable: true, description: "Administrators only: the party to sign for (an editor always signs for their own institution)." })
  institutionId?: string | null;
}

@InputType("TerminateProgramInput", { description: "Ending a program early." })
export class TerminateProgramInput {
  @Field(() => DateScalar, { description: "Its last day." })
  endsOn: string;

  @Field(() => String, { description: "Why it ends." })
  reason: string;
}

@InputType("ActivityInput", { description: "Something that happens under a program." })
export class ActivityCreateInput {
  @Field(() => ActivityKind, { description: "What happens." })
  kind: ActivityKind;

  @Field(() => ActivityStatus, { description: "Planned, under way, done or cancelled." })
  status: ActivityStatus;

  @Field(() => String, { description: "Short title." })
  title: string;

  @Field(() => String, { nullable: true, description: "What happens, in a few sentences." })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day." })
  startsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of `startsOn` (required with it)." })
  startsOnPrecision?: DatePrecision | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day." })
  endsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of `endsOn` (required with it)." })
  endsOnPrecision?: DatePrecision | null;

  @Field(() => InstitutionType, { nullable: true, description: "Whether the host is an enterprise or a university." })
  hostInstitutionType?: InstitutionType | null;

  @Field(() => ID, { nullable: true, description: "The host institution (checked with its subgraph)." })
  hostInstitutionId?: string | null;

  @Field(() => ID, { nullable: true, description: "The host's division or department where it happens." })
  hostUnitId?: string | null;

  @Field(() => Int, { nullable: true, description: "Participants planned." })
  plannedParticipants?: number | null;

  @Field(() => Int, { nullable: true, description: "Participants who took part." })
  actualParticipants?: number | null;
}

@InputType("ActivityUpdateInput", { description: "Changes to an activity: only the fields given change." })
export class ActivityUpdateInput {
  @Field(() => ActivityKind, { nullable: true, description: "New kind." })
  kind?: ActivityKind;

  @Field(() => ActivityStatus, { nullable: true, description: "New status." })
  status?: ActivityStatus;

  @Field(() => String, { nullable: true, description: "New title." })
  title?: string;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "New first day." })
  startsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of the new first day." })
  startsOnPrecision?: DatePrecision | null;

  @Field(() => DateScalar, { nullable: true, description: "New last day." })
  endsOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of the new last day." })
  endsOnPrecision?: DatePrecision | null;

  @Field(() => Int, { nullable: true, description: "New number of participants planned." })
  plannedParticipants?: number | null;

  @Field(() => Int, { nullable: true, description: "New number of participants who took part." })
  actualParticipants?: number | null;
}
