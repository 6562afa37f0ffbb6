/**
 * What clients send to write enterprise records, derived from the field
 * declarations in ../validation.ts: create inputs carry every required
 * field; update inputs only what changes (omitted = unchanged, null = cleared).
 */
import { createInputType, updateInputType } from "../../../shared/records/input-fields";
import { contactFields, divisionFields, enterpriseFields } from "../validation";

export const EnterpriseCreateInput = createInputType("EnterpriseInput", "A new enterprise.", enterpriseFields);
export const EnterpriseUpdateInput = updateInputType("EnterpriseUpdateInput", "Changes to an enterprise: only the fields given change (null clears an optional one).", enterpriseFields);

export const DivisionCreateInput = createInputType("DivisionInput", "A new division of an enterprise.", divisionFields);
export const DivisionUpdateInput = updateInputType("DivisionUpdateInput", "Changes to a division: only the fields given change.", divisionFields);

export const ContactCreateInput = createInputType("ContactInput", "A new person or service line of an enterprise.", contactFields);
export const ContactUpdateInput = updateInputType("ContactUpdateInput", "Changes to a contact: only the fields given change.", contactFields);
