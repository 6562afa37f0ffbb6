/**
 * A program's versions of its terms and the approvals of them, as stored:
 * the version in force, the one awaiting approval, whose approval it still
 * needs. Programs stored before versions existed (the seed, older data) get
 * their first version from their rows the first time it is asked for.
 */
import type { EntityManager } from "typeorm";
import { deterministicId } from "../../../shared/records/ids";
import { ProgramStatus, ProgramVersionStatus } from "../entities/enums";
import type { Program } from "../entities/program";
import { ProgramApproval } from "../entities/program-approval";
import { ProgramDirection } from "../entities/program-direction";
import type { ProgramParty } from "../entities/program-party";
import { ProgramVersion } from "../entities/program-version";
import { requiredApprovers, termsHash, termsOf, type ProgramTerms } from "./program-terms";

/** A version's id follows from its program and number, so the version made up for an old program keeps its id once stored. */
export const versionId = (programId: string, number: number) => deterministicId("ProgramVersion", `${programId}:${number}`);

/** The first version of a program that has none stored, from its rows: in force unless it is still a DRAFT. */
export function firstVersion(program: Program, parties: ProgramParty[], directions: Pick<ProgramDirection, "direction" | "description">[]): ProgramVersion {
  const terms = termsOf(program, parties, directions);
  const inForce = program.status !== ProgramStatus.DRAFT;
  return Object.assign(new ProgramVersion(), {
    id: versionId(program.id, 1),
    programId: program.id,
    number: 1,
    status: inForce ? ProgramVersionStatus.IN_FORCE : ProgramVersionStatus.PROPOSED,
    terms,
    termsHash: termsHash(terms),
    proposedByInstitutionId: null,
    inForceAt: inForce ? program.createdAt : null,
    createdAt: program.createdAt,
    updatedAt: program.createdAt,
    version: 1,
  });
}

/** The versions of a locked program, oldest first; stores the first one if there was none. */
export async function storedVersions(manager: EntityManager, program: Program, parties: ProgramParty[]): Promise<ProgramVersion[]> {
  const versions = await manager.find(ProgramVersion, { where: { programId: program.id }, order: { number: "ASC" } });
  if (versions.length) return versions;
  const directions = await manager.find(ProgramDirection, { where: { programId: program.id }, order: { position: "ASC" } });
  const first = firstVersion(program, parties, directions);
  await manager.insert(ProgramVersion, first);
  return [first];
}

export const inForceOf = (versions: ProgramVersion[]) => versions.find((v) => v.status === ProgramVersionStatus.IN_FORCE) ?? null;
export const pendingOf = (versions: ProgramVersion[]) => versions.find((v) => v.status === ProgramVersionStatus.PROPOSED) ?? null;

/** Whose approval a version needs, measured against the version in force. */
export function approversOf(version: ProgramVersion, versions: ProgramVersion[]): string[] {
  const inForce = inForceOf(versions);
  return requiredApprovers(inForce && inForce.number < version.number ? inForce.terms : null, version.terms);
}

/** New terms as a program's version `number`, awaiting approval. */
export function proposedVersion(programId: string, number: number, terms: ProgramTerms, proposedByInstitutionId: string | null): ProgramVersion {
  return Object.assign(new ProgramVersion(), {
    id: versionId(programId, number),
    programId,
    number,
    status: ProgramVersionStatus.PROPOSED,
    terms,
    termsHash: termsHash(terms),
    proposedByInstitutionId,
    inForceAt: null,
    version: 1,
  });
}

/** Records new terms as the next version: the one awaiting approval before it becomes void, and so do its approvals. */
export async function proposeVersion(
  manager: EntityManager,
  programId: string,
  versions: ProgramVersion[],
  terms: ProgramTerms,
  proposedByInstitutionId: string | null,
): Promise<ProgramVersion> {
  const pending = pendingOf(versions);
  if (pending) await manager.update(ProgramVersion, { id: pending.id }, { status: ProgramVersionStatus.VOID, version: pending.version + 1 });
  const version = proposedVersion(programId, Math.max(0, ...versions.map((v) => v.number)) + 1, terms, proposedByInstitutionId);
  await manager.insert(ProgramVersion, version);
  return version;
}

/** The version awaiting approval comes into force; the one in force until now is replaced. */
export async function bringIntoForce(manager: EntityManager, versions: ProgramVersion[], version: ProgramVersion): Promise<void> {
  const previous = inForceOf(versions);
  if (previous) await manager.update(ProgramVersion, { id: previous.id }, { status: ProgramVersionStatus.REPLACED, version: previous.version + 1 });
  await manager.update(ProgramVersion, { id: version.id }, { status: ProgramVersionStatus.IN_FORCE, inForceAt: () => "now()", version: version.version + 1 } as never);
}

/** A terminated program's pending amendment is void. */
export async function voidPending(manager: EntityManager, versions: ProgramVersion[]): Promise<void> {
  const pending = pendingOf(versions);
  if (pending) await manager.update(ProgramVersion, { id: pending.id }, { status: ProgramVersionStatus.VOID, version: pending.version + 1 });
}

export function approvalsOfVersion(manager: EntityManager, programId: string, number: number): Promise<ProgramApproval[]> {
  return manager.find(ProgramApproval, { where: { programId, versionNumber: number }, order: { createdAt: "ASC", id: "ASC" } });
}
