import { createUnionType } from "type-graphql";
import { InstitutionType } from "../entities/enums";
import { EnterpriseStub, UniversityStub } from "./institution-stubs";

export interface InstitutionReference {
  __typename: "Enterprise" | "University";
  id: string;
}

export const Institution = createUnionType({
  name: "Institution",
  description: "An enterprise or a university: either kind of party to a program.",
  types: () => [EnterpriseStub, UniversityStub] as const,
  resolveType: (value) => (value as InstitutionReference).__typename,
});

export function institutionReference(type: InstitutionType, id: string): InstitutionReference {
  return { __typename: type === InstitutionType.ENTERPRISE ? "Enterprise" : "University", id };
}
