/**
 * What clients send to write university records, derived from the field
 * declarations in ../validation.ts: create inputs carry every required
 * field; update inputs only what changes (omitted = unchanged, null = cleared).
 */
import { createInputType, updateInputType } from "../../../shared/records/input-fields";
import { departmentFields, personFields, universityFields } from "../validation";

export const UniversityCreateInput = createInputType("UniversityInput", "A new university, branch, school, academy or institute.", universityFields);
export const UniversityUpdateInput = updateInputType("UniversityUpdateInput", "Changes to a university: only the fields given change (null clears an optional one).", universityFields);

export const DepartmentCreateInput = createInputType("DepartmentInput", "A new faculty, department or laboratory of a university.", departmentFields);
export const DepartmentUpdateInput = updateInputType("DepartmentUpdateInput", "Changes to a department: only the fields given change.", departmentFields);

export const PersonCreateInput = createInputType("PersonInput", "A new person of a university.", personFields);
export const PersonUpdateInput = updateInputType("PersonUpdateInput", "Changes to a person: only the fields given change.", personFields);
