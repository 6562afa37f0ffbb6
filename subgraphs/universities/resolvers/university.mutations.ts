import { InstitutionStatus } from "../../../shared/domain/institution-status";
import { badUserInput } from "../../../shared/graphql/errors";
import { institutionMutations } from "../../../shared/records/institution-mutations";
import { UniversityKind } from "../entities/enums";
import { University } from "../entities/university";
import { UniversityName } from "../entities/university-name";
import { universityFields, universityRules } from "../fields";

export const UniversityMutations = institutionMutations({
  entity: University,
  typeName: "University",
  noun: "a university",
  names: { entity: UniversityName, owner: "universityId" },
  fields: universityFields,
  inputTypes: {
    create: "A new university, branch, school, academy or institute.",
    update: "Changes to a university: only the fields given change (null clears an optional one).",
  },
  rules: universityRules,
  // A branch belongs to a current university, never to another branch.
  async checkCreate(context, input) {
    if (!input.parentId) return;
    const parent = await context.dataSource.getRepository(University).findOneBy({ id: input.parentId });
    if (!parent || parent.kind === UniversityKind.BRANCH) throw badUserInput("parentId must be a university that is not itself a branch", "parentId");
    // Archived institutions take part in nothing new, new branches included.
    if (parent.status === InstitutionStatus.ARCHIVED) throw badUserInput("parentId: that university is archived; archived institutions take part in nothing new", "parentId");
  },
  descriptions: {
    create: "Adds a university, branch, school, academy or institute. Administrators only.",
    createInput: "The new institution.",
    update: "Changes a university's fields. Its own editors and administrators; `version` must be the one you read (else CONFLICT).",
    archive: "Archives a university: it stays in the graph, marked ARCHIVED, so programs naming it stay valid. Administrators only.",
  },
});
