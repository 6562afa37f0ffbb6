import type { EntityManager } from "typeorm";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, requireId, updateRecord } from "../../../shared/audit/writes";
import { badUserInput, notFound } from "../../../shared/graphql/errors";
import { Activity } from "../entities/activity";
import { Program } from "../entities/program";
import type { ProgramParty } from "../entities/program-party";
import type { ProgramsContext } from "../context";
import { checkReferencesLocked, requireActiveInstitution } from "../checks/institution-references";
import { activityRules, type ActivityInput } from "../fields";
import { ActivityCreateInput, ActivityUpdateInput } from "./inputs";
import { partiesOf, requireOpen, requirePartyEditor } from "../checks/program-lifecycle";

/**
 * The host, when one is named, must be one of the program's parties (an
 * institution joins only by an amendment of the terms, which it approves),
 * and, like every reference, exist and be active in its own subgraph.
 */
function requirePartyHost(parties: ProgramParty[], activity: ActivityInput): void {
  if (activity.hostInstitutionId && !parties.some((p) => p.institutionId === activity.hostInstitutionId!.toLowerCase())) {
    throw badUserInput(
      "input.hostInstitutionId: the host must be one of the program's parties; to have another institution host, make it a party by amending the terms (it then approves them)",
      "input.hostInstitutionId",
    );
  }
}

async function checkHost(context: ProgramsContext, manager: EntityManager, activity: ActivityInput): Promise<void> {
  if (activity.hostInstitutionType && activity.hostInstitutionId) {
    await checkReferencesLocked(context, manager, [
      { institutionType: activity.hostInstitutionType, institutionId: activity.hostInstitutionId, unitId: activity.hostUnitId, field: "input.host" },
    ]);
  }
}

/**
 * The parties of a program the caller may add activities to: refused unless it
 * exists, the caller edits for one of its parties and it is open. `lock` holds
 * the program's row until commit (inside the write).
 */
async function partiesToAddActivitiesTo(context: ProgramsContext, manager: EntityManager, id: string, lock?: "pessimistic_read"): Promise<ProgramParty[]> {
  const query = manager.getRepository(Program).createQueryBuilder("row").where("row.id = :id", { id });
  const program = await (lock ? query.setLock(lock) : query).getOne();
  if (!program) throw notFound(`No Program has id ${id}.`);
  const parties = await partiesOf(manager, id);
  requirePartyEditor(context.access, parties, "add activities to this program");
  requireOpen(program, "add activities to");
  return parties;
}

@Resolver(() => Activity)
export class ActivityMutations {
  @Mutation(() => Activity, {
    description: "Adds an activity to a program (a DRAFT or ACTIVE one). Any one party may do this alone (its parties' editors and administrators); a host, if named, must be one of the program's parties (another institution joins by an amendment it approves), and active.",
  })
  async addActivity(
    @Arg("programId", () => ID, { description: "The program." }) programId: string,
    @Arg("input", () => ActivityCreateInput, { description: "The new activity." }) input: ActivityCreateInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Activity> {
    const id = requireId(programId, "Program", "programId");
    let parties: ProgramParty[] = [];
    return createRecord(context, {
      entity: Activity,
      typeName: "Activity",
      input: input as ActivityInput,
      rules: activityRules,
      path: "input",
      authorize: async () => {
        parties = await partiesToAddActivitiesTo(context, context.dataSource.manager, id);
      },
      check: (activity) => requirePartyHost(parties, activity),
      values: (activity) => ({ ...activity, programId: id }),
      institutionIds: () => [...new Set(parties.map((p) => p.institutionId))],
      confirm: async (manager, activity) => {
        // Again inside the write, with the program's row held: a termination or an amendment that
        // committed after authorize is seen here, and one still running waits for this write.
        parties = await partiesToAddActivitiesTo(context, manager, id, "pessimistic_read");
        requirePartyHost(parties, activity);
        await requireActiveInstitution(context, manager);
        await checkHost(context, manager, activity);
      },
    });
  }

  @Mutation(() => Activity, { description: "Changes an activity, e.g. its participants once it took place. Its program's parties' editors and administrators; `version` must be the one you read." })
  updateActivity(
    @Arg("id", () => ID, { description: "The activity's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => ActivityUpdateInput, { description: "The fields to change." }) input: ActivityUpdateInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Activity> {
    let institutionIds: string[] = [];
    return updateRecord(context, {
      entity: Activity,
      typeName: "Activity",
      id,
      version,
      authorize: async (row, manager) => {
        const parties = await partiesOf(manager, row.programId);
        institutionIds = [...new Set(parties.map((p) => p.institutionId))];
        requirePartyEditor(context.access, parties, "change this program's activities");
        await requireActiveInstitution(context, manager);
      },
      input: input as ActivityInput,
      rules: activityRules,
      path: "input",
      institutionIds: () => institutionIds,
    });
  }
}
