/**
 * The history of a program's terms, readable: every version with its terms
 * and status, who approved which version when, and whose approval the one
 * awaiting approval still needs. Terms hashes and budgets are confidential,
 * like the program's budget (a hash of terms with a budget would let anyone
 * test guesses of the budget).
 */
import { Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import { confidential } from "../../../shared/auth/access";
import { DatePrecision } from "../../../shared/domain/dates";
import { DateScalar, DateTimeScalar } from "../../../shared/graphql/scalars";
import { CooperationDirection, ProgramKind, ProgramVersionStatus } from "../entities/enums";
import { Program } from "../entities/program";
import { ProgramApproval } from "../entities/program-approval";
import { ProgramDirection } from "../entities/program-direction";
import { ProgramVersion } from "../entities/program-version";
import type { ProgramsContext } from "../context";
import { approversOf, firstVersion, inForceOf, pendingOf } from "../checks/program-versions";
import { Institution, institutionReference, type InstitutionReference } from "../types/institution";
import { Money } from "../types/money";
import { ProgramTermsParty } from "../types/program-terms";

/** A program's versions, oldest first; a program stored before versions existed has its first made up from its rows (with the id it keeps once stored). */
async function versionsOf(context: ProgramsContext, programId: string): Promise<ProgramVersion[]> {
  const stored = await context.loaders.versionsByProgram.load(programId);
  if (stored.length) return stored;
  const [program, parties, directions] = await Promise.all([
    context.lookup(Program).load(programId),
    context.loaders.partiesByProgram.load(programId),
    context.loaders.directionsByProgram.load(programId),
  ]);
  return program ? [firstVersion(program, parties, directions)] : [];
}

const partyIds = async (context: ProgramsContext, programId: string) => (await context.loaders.partiesByProgram.load(programId)).map((p) => p.institutionId);
/** Who may read a version's confidential values: the program's parties and the institutions the version names (one it would add must read what it approves). */
const versionReaders = async (context: ProgramsContext, version: ProgramVersion) => [...(await partyIds(context, version.programId)), ...version.terms.parties.map((p) => p.institutionId)];

@Resolver(() => Program)
export class ProgramVersionsOfProgramResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "SHA-256 (hex) of the canonical terms the program's fields show: the version in force, or a DRAFT's current terms. Confidential, like `budget`.",
  })
  async termsHash(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<string | null> {
    const versions = await versionsOf(context, program.id);
    const shown = program.status === "DRAFT" ? pendingOf(versions) : (inForceOf(versions) ?? versions.at(-1));
    return confidential(context.access, await partyIds(context, program.id), "Program.termsHash", shown?.termsHash ?? null);
  }

  @FieldResolver(() => [ProgramVersion], { description: "Every version of the program's terms, oldest first: the history of the agreement." })
  versions(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<ProgramVersion[]> {
    return versionsOf(context, program.id);
  }

  @FieldResolver(() => ProgramVersion, {
    nullable: true,
    description: "The version of the terms awaiting approval: a DRAFT's terms, or an amendment of an ACTIVE program (which stays under the version in force meanwhile); null when nothing awaits approval.",
  })
  async pendingVersion(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<ProgramVersion | null> {
    return pendingOf(await versionsOf(context, program.id));
  }

  @FieldResolver(() => [ProgramApproval], { description: "Every approval given, of any version, oldest first: who approved which version (and terms hash), when." })
  approvals(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<ProgramApproval[]> {
    return context.loaders.approvalsByProgram.load(program.id);
  }
}

@Resolver(() => ProgramVersion)
export class ProgramVersionResolver {
  @FieldResolver(() => String, { nullable: true, description: "SHA-256 (hex) of this version's canonical terms, which its approvals name. Confidential, like the program's `budget` (readable too by the institutions this version names)." })
  async termsHash(@Root() version: ProgramVersion, @Ctx() context: ProgramsContext): Promise<string | null> {
    return confidential(context.access, await versionReaders(context, version), "ProgramVersion.termsHash", version.termsHash);
  }

  @FieldResolver(() => ProgramKind, { description: "The kind of cooperation in this version." })
  kind(@Root() version: ProgramVersion): ProgramKind {
    return version.terms.kind;
  }

  @FieldResolver(() => String, { description: "The title in this version." })
  title(@Root() version: ProgramVersion): string {
    return version.terms.title;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "First day agreed in this version; null when it starts on the last approval." })
  startsOn(@Root() version: ProgramVersion): string | null {
    return version.terms.startsOn;
  }

  @FieldResolver(() => DatePrecision, { nullable: true, description: "How much of `startsOn` is known." })
  startsOnPrecision(@Root() version: ProgramVersion): DatePrecision | null {
    return version.terms.startsOnPrecision;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "Last day agreed in this version; null when it follows from `termMonths` or is open." })
  endsOn(@Root() version: ProgramVersion): string | null {
    return version.terms.endsOn;
  }

  @FieldResolver(() => DatePrecision, { nullable: true, description: "How much of `endsOn` is known." })
  endsOnPrecision(@Root() version: ProgramVersion): DatePrecision | null {
    return version.terms.endsOnPrecision;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Term in months in this version." })
  termMonths(@Root() version: ProgramVersion): number | null {
    return version.terms.termMonths;
  }

  @FieldResolver(() => Money, { nullable: true, description: "Budget in this version. Confidential, like the program's `budget` (readable too by the institutions this version names)." })
  async budget(@Root() version: ProgramVersion, @Ctx() context: ProgramsContext): Promise<Money | null> {
    return confidential(context.access, await versionReaders(context, version), "ProgramVersion.budget", version.terms.budget);
  }

  @FieldResolver(() => [ProgramTermsParty], { description: "The parties this version names, with roles and units." })
  parties(@Root() version: ProgramVersion): ProgramTermsParty[] {
    return version.terms.parties;
  }

  @FieldResolver(() => [ProgramDirection], { description: "The directions of cooperation in this version, in order." })
  directions(@Root() version: ProgramVersion): { direction: CooperationDirection; description: string | null }[] {
    return version.terms.directions;
  }

  @FieldResolver(() => [ProgramApproval], { description: "The approvals of this version, oldest first (void with the version when it is VOID)." })
  async approvals(@Root() version: ProgramVersion, @Ctx() context: ProgramsContext): Promise<ProgramApproval[]> {
    return (await context.loaders.approvalsByProgram.load(version.programId)).filter((a) => a.versionNumber === version.number);
  }

  @FieldResolver(() => [ID], {
    description: "Institutions whose approval this version needs: every SIGNATORY it names, and every institution whose part it adds, removes or changes against the version in force (every institution named, before the program first takes effect).",
  })
  async requiredApprovals(@Root() version: ProgramVersion, @Ctx() context: ProgramsContext): Promise<string[]> {
    return approversOf(version, await versionsOf(context, version.programId));
  }

  @FieldResolver(() => [ID], { description: "Of `requiredApprovals`, those that have not approved yet; empty once it is in force (or for a REPLACED or VOID version)." })
  async awaitingApprovalFrom(@Root() version: ProgramVersion, @Ctx() context: ProgramsContext): Promise<string[]> {
    if (version.status !== ProgramVersionStatus.PROPOSED) return [];
    const [required, approvals] = await Promise.all([this.requiredApprovals(version, context), this.approvals(version, context)]);
    return required.filter((id) => !approvals.some((a) => a.institutionId === id));
  }
}

@Resolver(() => ProgramApproval)
export class ProgramApprovalResolver {
  @FieldResolver(() => String, { nullable: true, description: "The terms hash approved. Confidential, like the program's `budget`." })
  async termsHash(@Root() approval: ProgramApproval, @Ctx() context: ProgramsContext): Promise<string | null> {
    return confidential(context.access, await partyIds(context, approval.programId), "ProgramApproval.termsHash", approval.termsHash);
  }

  @FieldResolver(() => DateTimeScalar, { description: "When the approval was recorded." })
  approvedAt(@Root() approval: ProgramApproval): Date {
    return approval.createdAt;
  }

  @FieldResolver(() => Institution, { description: "The approving enterprise or university." })
  institution(@Root() approval: ProgramApproval): InstitutionReference {
    return institutionReference(approval.institutionType, approval.institutionId);
  }
}
