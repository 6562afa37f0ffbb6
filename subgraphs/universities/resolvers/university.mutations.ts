import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, givenFields, updateRecord } from "../../../shared/audit/writes";
import { badUserInput } from "../../../shared/errors";
import { InstitutionStatus } from "../../../shared/institution-status";
import { replaceNames } from "../../../shared/localized-name";
import { validate } from "../../../shared/validation";
import { UniversityKind } from "../entities/enums";
import { University } from "../entities/university";
import { UniversityName } from "../entities/university-name";
import type { UniversitiesContext } from "../loaders";
import { universityRules } from "../validation";
import { UniversityCreateInput, UniversityUpdateInput } from "./inputs";

@Resolver(() => University)
export class UniversityMutations {
  @Mutation(() => University, { description: "Adds a university, branch, school, academy or institute. Administrators only." })
  async createUniversity(
    @Arg("input", () => UniversityCreateInput, { description: "The new institution." }) input: UniversityCreateInput,
    @Ctx() context: UniversitiesContext,
  ): Promise<University> {
    context.access.requireAdmin("add a university");
    validate(input, universityRules);
    if (input.parentId) {
      const parent = await context.dataSource.getRepository(University).findOneBy({ id: input.parentId.toLowerCase() });
      if (!parent || parent.kind === UniversityKind.BRANCH) throw badUserInput("parentId must be a university that is not itself a branch", "parentId");
    }
    const { names, fieldCodes, ...fields } = input;
    return createRecord(context, {
      entity: University,
      typeName: "University",
      input,
      rules: universityRules,
      values: () => ({ ...fields, parentId: fields.parentId?.toLowerCase() ?? null, fieldCodes: fieldCodes ?? [], status: InstitutionStatus.ACTIVE }),
      institutionIds: [],
      alongside: async (manager, id) => (await replaceNames(manager, UniversityName, "universityId", id, names ?? [])).after,
    });
  }

  @Mutation(() => University, { description: "Changes a university's fields. Its own editors and administrators; `version` must be the one you read (else CONFLICT)." })
  updateUniversity(
    @Arg("id", () => ID, { description: "The university's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read; a newer one on the server means someone changed it meanwhile (CONFLICT)." }) version: number,
    @Arg("input", () => UniversityUpdateInput, { description: "The fields to change." }) input: UniversityUpdateInput,
    @Ctx() context: UniversitiesContext,
  ): Promise<University> {
    const { names, ...fields } = givenFields(input);
    return updateRecord(context, {
      entity: University,
      typeName: "University",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.id, "change this university"),
      changes: () => fields as Partial<University>,
      validateAfter: (after) => validate({ ...after, names }, universityRules),
      institutionIds: (row) => [row.id],
      alongside: async (manager, row) => (names ? replaceNames(manager, UniversityName, "universityId", row.id, names) : undefined),
    });
  }

  @Mutation(() => University, { description: "Archives a university: it stays in the graph, marked ARCHIVED, so programs naming it stay valid. Administrators only." })
  archiveUniversity(
    @Arg("id", () => ID, { description: "The university's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Ctx() context: UniversitiesContext,
  ): Promise<University> {
    return updateRecord(context, {
      entity: University,
      typeName: "University",
      id,
      version,
      action: "ARCHIVE",
      authorize: () => context.access.requireAdmin("archive a university"),
      changes: () => ({ status: InstitutionStatus.ARCHIVED }),
      institutionIds: (row) => [row.id],
    });
  }
}
