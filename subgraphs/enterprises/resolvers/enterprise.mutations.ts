import { institutionMutations } from "../../../shared/records/institution-mutations";
import { Enterprise } from "../entities/enterprise";
import { EnterpriseName } from "../entities/enterprise-name";
import { enterpriseFields, enterpriseRules } from "../fields";

export const EnterpriseMutations = institutionMutations({
  entity: Enterprise,
  typeName: "Enterprise",
  noun: "an enterprise",
  names: { entity: EnterpriseName, owner: "enterpriseId" },
  fields: enterpriseFields,
  inputTypes: {
    create: "A new enterprise.",
    update: "Changes to an enterprise: only the fields given change (null clears an optional one).",
  },
  rules: enterpriseRules,
  descriptions: {
    create: "Adds an enterprise. Administrators only.",
    createInput: "The new enterprise.",
    update: "Changes an enterprise's fields. Its own editors and administrators; `version` must be the one you read (else CONFLICT).",
    archive: "Archives an enterprise: it stays in the graph, marked ARCHIVED, so programs naming it stay valid. Administrators only.",
  },
});
