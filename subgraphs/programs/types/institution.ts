import { createUnionType } from "type-graphql";
import type { InstitutionType } from "../entities/enums";
import { INSTITUTION_KINDS, eitherOf, institutionKind } from "../entities/institution-kinds";
import { INSTITUTION_STUBS } from "./institution-stubs";

export interface InstitutionReference {
  /** Enterprise, University: the institution type of its kind. */
  __typename: string;
  id: string;
}

const withArticle = (kind: (typeof INSTITUTION_KINDS)[number]) => `${kind.institution.article} ${kind.institution.noun}`;
const described = eitherOf(INSTITUTION_KINDS.map(withArticle));

export const Institution = createUnionType({
  name: "Institution",
  description: `${described[0].toUpperCase()}${described.slice(1)}: ${INSTITUTION_KINDS.length === 2 ? "either" : "any"} kind of party to a program.`,
  types: () => Object.values(INSTITUTION_STUBS) as [(typeof INSTITUTION_STUBS)[InstitutionType], ...(typeof INSTITUTION_STUBS)[InstitutionType][]],
  resolveType: (value) => (value as InstitutionReference).__typename,
});

export function institutionReference(type: InstitutionType, id: string): InstitutionReference {
  return { __typename: institutionKind(type).institution.type, id };
}
