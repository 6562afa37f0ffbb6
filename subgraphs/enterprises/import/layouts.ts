/** The column layouts of an enterprise's own records in an import file: its divisions and contacts (README, "Bulk import"). */
import { EXTERNAL_REF, type ImportLayout } from "../../../shared/import/layout";
import { DivisionKind } from "../entities/enums";

export const divisionLayout: ImportLayout = {
  name: "divisions",
  recordType: "Division",
  subgraph: "enterprises",
  mutation: "importDivisions",
  description: "One row per division of the importing enterprise, created like createDivision does; a known externalRef changes it like updateDivision does.",
  columns: [
    EXTERNAL_REF,
    { name: "slug", description: "Unique, stable identifier: lowercase letters, digits and hyphens (fixed once created).", example: "ammc-new-training-centre", required: true },
    { name: "name", description: "Display name, in any language.", example: "Учебный центр АГМК", required: true },
    { name: "kind", description: `What kind of unit: ${Object.values(DivisionKind).join(", ")}.`, example: "TRAINING_CENTRE", required: true },
    { name: "parent", description: "The division it sits inside, if any: its id, slug or externalRef (a row above in the same file included).", example: "" },
    { name: "description", description: "What it is or does.", example: "" },
  ],
};

export const contactLayout: ImportLayout = {
  name: "contacts",
  recordType: "Contact",
  subgraph: "enterprises",
  mutation: "importContacts",
  description: "One row per contact (a person or a service line) of the importing enterprise, created like createContact does; a known externalRef changes it like updateContact does.",
  columns: [
    EXTERNAL_REF,
    { name: "name", description: "Full name of the person, or the name of the service line, in any language.", example: "Хурсанов Абдуллажон", required: true },
    { name: "position", description: "Position held.", example: "Managing Director" },
    { name: "email", description: "E-mail address (confidential).", example: "info@agmk.uz" },
    { name: "phone", description: "Phone number (confidential).", example: "+998 78 141 90 99" },
    { name: "division", description: "The division the contact works in, if any: its id, slug or externalRef.", example: "ammc-engineering-school" },
  ],
};
