import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Activity } from "../entities/activity";
import { InstitutionType } from "../entities/enums";
import { Institution, institutionReference, type InstitutionReference } from "../types/institution";
import { DepartmentStub, DivisionStub } from "../types/institution-stubs";
import { Program } from "../entities/program";
import type { ProgramsContext } from "../context";

/** The host and its unit are references the gateway completes from their own subgraphs. */
@Resolver(() => Activity)
export class ActivityResolver {
  @FieldResolver(() => Program, { description: "The program the activity belongs to." })
  async program(@Root() activity: Activity, @Ctx() context: ProgramsContext): Promise<Program> {
    return (await context.lookup(Program).load(activity.programId))!;
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The enterprise or university hosting the activity, when the source names one." })
  host(@Root() activity: Activity): InstitutionReference | null {
    return activity.hostInstitutionType && activity.hostInstitutionId ? institutionReference(activity.hostInstitutionType, activity.hostInstitutionId) : null;
  }

  @FieldResolver(() => DivisionStub, { nullable: true, description: "The division of the host enterprise where the activity takes place." })
  hostDivision(@Root() activity: Activity): DivisionStub | null {
    return activity.hostInstitutionType === InstitutionType.ENTERPRISE && activity.hostUnitId ? { id: activity.hostUnitId } : null;
  }

  @FieldResolver(() => DepartmentStub, { nullable: true, description: "The department of the host university where the activity takes place." })
  hostDepartment(@Root() activity: Activity): DepartmentStub | null {
    return activity.hostInstitutionType === InstitutionType.UNIVERSITY && activity.hostUnitId ? { id: activity.hostUnitId } : null;
  }
}
