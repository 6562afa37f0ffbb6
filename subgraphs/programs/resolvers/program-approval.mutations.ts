/**
 * Approving a version of a program's terms: an institution whose approval
 * the version needs signs it, naming its terms hash. The last approval it
 * needs brings it into force, after every party is checked again with the
 * subgraph that owns it: a DRAFT becomes ACTIVE; an ACTIVE program's
 * amendment replaces the version in force.
 */
import { retriedTransaction } from "../../../shared/database/retried-transaction";
import type { EntityManager } from "typeorm";
import { randomUUID } from "node:crypto";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { requireId } from "../../../shared/audit/writes";
import { recordChange, lockForUpdate, saveChanges } from "../../../shared/audit/record-change";
import { DatePrecision } from "../../../shared/domain/dates";
import { badUserInput, conflict, forbidden } from "../../../shared/graphql/errors";
import { registerArgumentRules } from "../../../shared/records/input-fields";
import { sha256Hex, validate } from "../../../shared/records/validation";
import { ProgramStatus, type InstitutionType } from "../entities/enums";
import { Program } from "../entities/program";
import { ProgramApproval } from "../entities/program-approval";
import { ProgramParty } from "../entities/program-party";
import type { ProgramsContext } from "../context";
import { checkReferencesLocked } from "../checks/institution-references";
import { activation, lastDayOfTerm, lockProgram, partiesOf, requireOpen, requirePartyEditor } from "../checks/program-lifecycle";
import { approvalsOfVersion, approversOf, bringIntoForce, pendingOf, storedVersions } from "../checks/program-versions";
import type { ProgramTerms } from "../checks/program-terms";
import { signatureRules, type PartyInput } from "../fields";
import { SignProgramInput } from "./inputs";
import { plainParties, replaceDirections, replaceParties } from "./program-rows";

registerArgumentRules("termsHash", [sha256Hex]);

interface ApprovalRequest {
  id: string;
  /** signProgram: the program's version the caller read. */
  version?: number;
  /** approveProgram: the terms hash the caller approves. */
  termsHash?: string;
  input: SignProgramInput;
}

/** An amendment in force: the program's columns and rows take its terms; dates follow from the term where none was agreed. */
async function applyTerms(context: ProgramsContext, manager: EntityManager, row: Program, terms: ProgramTerms, approvals: ProgramApproval[], before: ProgramParty[]): Promise<{ changes: Partial<Program>; parties: ProgramParty[] }> {
  const signed = (p: PartyInput) => {
    const approval = approvals.find((a) => a.institutionId === p.institutionId);
    if (approval) return { signedOn: approval.signedOn, signatoryName: approval.signatoryName, signatoryPosition: approval.signatoryPosition };
    const earlier = before.find((b) => b.institutionId === p.institutionId && b.signedOn);
    return earlier ? { signedOn: earlier.signedOn, signatoryName: earlier.signatoryName, signatoryPosition: earlier.signatoryPosition } : {};
  };
  const parties = await replaceParties(context, manager, row.id, terms.parties as PartyInput[], signed);
  await replaceDirections(manager, row.id, terms.directions);
  const startsOn = terms.startsOn ?? row.startsOn;
  const endsOn = terms.endsOn ?? (terms.termMonths && startsOn ? lastDayOfTerm(startsOn, terms.termMonths) : null);
  const changes: Partial<Program> = {
    kind: terms.kind,
    title: terms.title,
    startsOn,
    startsOnPrecision: terms.startsOn ? terms.startsOnPrecision : row.startsOnPrecision,
    endsOn,
    endsOnPrecision: endsOn ? (terms.endsOn ? terms.endsOnPrecision : DatePrecision.DAY) : null,
    termMonths: terms.termMonths,
    budgetAmount: terms.budget?.amount ?? null,
    budgetCurrency: terms.budget?.currency ?? null,
  };
  return { changes, parties };
}

async function approve(context: ProgramsContext, request: ApprovalRequest): Promise<Program> {
  context.access.requireAuthenticated("approve a program");
  const id = requireId(request.id, "Program");
  if (request.termsHash !== undefined) validate({ termsHash: request.termsHash }, { termsHash: [sha256Hex] });
  return retriedTransaction(context.dataSource, async (manager) => {
    const row = request.version === undefined ? await lockProgram(manager, id) : await lockForUpdate(manager, Program, "Program", id, request.version);
    const before = await partiesOf(manager, row.id);
    const versions = await storedVersions(manager, row, before);
    const pending = pendingOf(versions);
    // An institution an amendment adds approves it before it is a party in force.
    requirePartyEditor(context.access, [...before, ...(pending?.terms.parties ?? [])], "sign this program");
    requireOpen(row, "sign");
    const input = validate(request.input, signatureRules, "input");
    if (!pending) throw badUserInput(`nothing awaits approval: the program is ${row.status} and every institution approved the terms in force`, "id");
    if (request.termsHash !== undefined && request.termsHash.toLowerCase() !== pending.termsHash) {
      throw conflict(`The terms changed since you read them: version ${pending.number} awaits approval, with another hash. Read its terms again and approve the hash you read.`);
    }
    const signer = context.access.isAdmin && input.institutionId ? requireId(input.institutionId, "institution", "input.institutionId") : context.access.principal.institution?.id;
    const approvers = approversOf(pending, versions);
    if (!signer || !approvers.includes(signer)) {
      throw forbidden(`Your institution's approval is not what version ${pending.number} of this program needs: it needs the approval of each SIGNATORY, and of each institution whose part it changes.`);
    }
    const given = await approvalsOfVersion(manager, row.id, pending.number);
    if (given.some((a) => a.institutionId === signer)) throw badUserInput(`your institution already approved version ${pending.number} of this program`, "id");
    const party = [...before, ...pending.terms.parties].find((p) => p.institutionId === signer)!;
    // The signer must still be active (and, under the archival lock, stay so until this commits).
    await checkReferencesLocked(context, manager, [{ institutionType: party.institutionType as InstitutionType, institutionId: signer, field: context.access.isAdmin ? "input.institutionId" : "credentials" }]);
    const approval = manager.create(ProgramApproval, {
      id: randomUUID(),
      programId: row.id,
      versionNumber: pending.number,
      termsHash: pending.termsHash,
      institutionType: party.institutionType,
      institutionId: signer,
      signedOn: input.signedOn,
      signatoryName: input.signatoryName,
      signatoryPosition: input.signatoryPosition ?? null,
      actorSubject: context.access.principal.subject,
      version: 1,
    });
    await manager.insert(ProgramApproval, approval);
    const approvals = [...given, approval];

    let after = before;
    let changes: Partial<Program> = {};
    if (row.status === ProgramStatus.DRAFT) {
      // A DRAFT's rows are its terms: the signer's parties show its signature.
      const signature = { signedOn: input.signedOn, signatoryName: input.signatoryName, signatoryPosition: input.signatoryPosition ?? null };
      await manager.update(ProgramParty, { programId: row.id, institutionId: signer }, signature);
      after = before.map((p) => (p.institutionId === signer ? Object.assign(new ProgramParty(), p, signature, { version: p.version + 1 }) : p));
    }
    if (approvers.every((institutionId) => approvals.some((a) => a.institutionId === institutionId))) {
      // Activation re-checks every party: none may have been archived meanwhile.
      await checkReferencesLocked(context, manager, pending.terms.parties.map((p, i) => ({ ...p, field: `parties[${i}]` })));
      const lastSignature = approvals.map((a) => a.signedOn).sort().at(-1)!;
      if (row.status === ProgramStatus.DRAFT) changes = activation(row, lastSignature);
      else ({ changes, parties: after } = await applyTerms(context, manager, row, pending.terms, approvals, before));
      await bringIntoForce(manager, versions, pending);
    }
    const stored = await saveChanges(manager, Program, row, changes);
    await recordChange(manager, context, {
      entityType: "Program",
      entityId: row.id,
      action: "SIGN",
      before: { ...row, parties: plainParties(before) },
      after: { ...stored, parties: plainParties(after), approvedVersion: pending.number },
      institutionIds: [...new Set([...before.map((p) => p.institutionId), ...pending.terms.parties.map((p) => p.institutionId)])],
    });
    return stored;
  });
}

const APPROVAL_WORDS =
  "Each SIGNATORY, and each institution whose part the version adds, removes or changes (every institution named, before the program first takes effect), approves for itself: an editor for their own institution, administrators for any (`input.institutionId`). The last approval needed brings the version into force once every party is checked again (archived institutions and units are refused): a DRAFT becomes ACTIVE, signed on the last approval's day; an ACTIVE program's amendment replaces the terms in force.";

@Resolver(() => Program)
export class ProgramApprovalMutations {
  @Mutation(() => Program, {
    description: `Approves the version of a program's terms awaiting approval (\`pendingVersion\`), naming its terms hash: if the terms changed since you read them the hash differs and the approval is refused (CONFLICT). ${APPROVAL_WORDS}`,
  })
  approveProgram(
    @Arg("id", () => ID, { description: "The program's id." }) id: string,
    @Arg("termsHash", () => String, { description: "`pendingVersion.termsHash` as you read it: the SHA-256 of the terms you approve." }) termsHash: string,
    @Arg("input", () => SignProgramInput, { description: "Who signs for your institution, and when." }) input: SignProgramInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    return approve(context, { id, termsHash, input });
  }

  @Mutation(() => Program, {
    deprecationReason: "Use approveProgram, which names the terms hash approved.",
    description: `Records a party's signature: an approval of the terms awaiting approval as they are now (\`version\` must be the program's version you read, else CONFLICT). ${APPROVAL_WORDS}`,
  })
  signProgram(
    @Arg("id", () => ID, { description: "The program's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => SignProgramInput, { description: "The signature." }) input: SignProgramInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    return approve(context, { id, version, input });
  }
}
