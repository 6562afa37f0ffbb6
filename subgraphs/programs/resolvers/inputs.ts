/**
 * What clients send to write programs. A program is created as a DRAFT;
 * parties sign it (signProgram) and it becomes ACTIVE when every signatory
 * has; parties amend or terminate it. All input is checked by the rules in
 * ../fields.ts.
 */
import { createInputType, updateInputType } from "../../../shared/records/input-fields";
import { activityFields, programFields, signatureFields, terminationFields } from "../fields";

export { MoneyInput, ProgramDirectionInput, ProgramPartyInput } from "../fields";

export const ProgramCreateInput = createInputType("ProgramInput", "A new program, stored as a DRAFT until its signatories sign it.", programFields);
export type ProgramCreateInput = InstanceType<typeof ProgramCreateInput>;
export const ProgramUpdateInput = updateInputType(
  "ProgramUpdateInput",
  "An amendment: only the fields given change. Fields that are terms (parties, kind, title, dates, term, directions, budget) make a new version that needs the approvals again: at once in a DRAFT, as a proposal beside the version in force in an ACTIVE program.",
  programFields,
);
export type ProgramUpdateInput = InstanceType<typeof ProgramUpdateInput>;

export const SignProgramInput = createInputType("SignProgramInput", "A party's signature of a program.", signatureFields);
export type SignProgramInput = InstanceType<typeof SignProgramInput>;
export const TerminateProgramInput = createInputType("TerminateProgramInput", "Ending a program early.", terminationFields);
export type TerminateProgramInput = InstanceType<typeof TerminateProgramInput>;

export const ActivityCreateInput = createInputType("ActivityInput", "Something that happens under a program.", activityFields);
export type ActivityCreateInput = InstanceType<typeof ActivityCreateInput>;
export const ActivityUpdateInput = updateInputType("ActivityUpdateInput", "Changes to an activity: only the fields given change.", activityFields);
export type ActivityUpdateInput = InstanceType<typeof ActivityUpdateInput>;
