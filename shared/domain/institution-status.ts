import { registerEnumType } from "type-graphql";

/** Shared by enterprises and universities, so both subgraphs declare the same enum. */
export enum InstitutionStatus {
  ACTIVE = "ACTIVE",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(InstitutionStatus, {
  name: "InstitutionStatus",
  description: "Whether an institution is current. Institutions are archived, never deleted, so references to them stay valid.",
  valuesConfig: {
    ACTIVE: { description: "Operating and taking part in programs." },
    ARCHIVED: { description: "No longer current; kept so that old programs still name it." },
  },
});
