/**
 * The rules of a program's life, apart from GraphQL: who counts as its
 * parties, who may act for them, when it becomes active, how its end date
 * follows from its term.
 */
import type { EntityManager } from "typeorm";
import type { Access } from "../../../shared/auth/access";
import { conflict, forbidden } from "../../../shared/graphql/errors";
import { DatePrecision } from "../../../shared/domain/dates";
import { PartyRole, ProgramStatus } from "../entities/enums";
import type { Program } from "../entities/program";
import { ProgramParty } from "../entities/program-party";

export function partiesOf(manager: EntityManager, programId: string): Promise<ProgramParty[]> {
  return manager.getRepository(ProgramParty).find({ where: { programId }, order: { role: "ASC", id: "ASC" } });
}

/** Editors of a party's institution, and administrators, may act on a program. */
export function requirePartyEditor(access: Access, parties: ProgramParty[], action: string): void {
  access.requireAuthenticated(action);
  if (access.isAdmin) return;
  const own = access.principal.institution?.id;
  if (access.principal.role !== "editor" || !own || !parties.some((p) => p.institutionId === own)) {
    throw forbidden(`Only editors of the program's parties, and administrators, can ${action}.`);
  }
}

/** Amendments, signatures and termination apply to programs still in force or in preparation. */
export function requireOpen(program: Program, action: string): void {
  if (program.status !== ProgramStatus.DRAFT && program.status !== ProgramStatus.ACTIVE) {
    throw conflict(`The program is ${program.status}; you cannot ${action} it any more.`);
  }
}

/** The last day of a term of `months` starting on `start` (YYYY-MM-DD). */
export function lastDayOfTerm(start: string, months: number): string {
  const [year, month, day] = start.split("-").map(Number);
  const end = new Date(Date.UTC(year, month - 1 + months, day) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/**
 * What changes on a program once every signatory has signed: it becomes
 * ACTIVE, signed on the last signature's day, starting then unless a start
 * was agreed, and ending after its term unless an end was agreed.
 */
export function activation(program: Program, parties: ProgramParty[]): Partial<Program> {
  const signatories = parties.filter((p) => p.role === PartyRole.SIGNATORY);
  if (signatories.length === 0 || signatories.some((p) => !p.signedOn)) return {};
  const signedOn = signatories.map((p) => p.signedOn!).sort().at(-1)!;
  const startsOn = program.startsOn ?? signedOn;
  const endsOn = program.endsOn ?? (program.termMonths ? lastDayOfTerm(startsOn, program.termMonths) : null);
  return {
    status: ProgramStatus.ACTIVE,
    signedOn,
    signedOnPrecision: DatePrecision.DAY,
    startsOn,
    startsOnPrecision: program.startsOnPrecision ?? DatePrecision.DAY,
    endsOn,
    endsOnPrecision: endsOn ? (program.endsOnPrecision ?? DatePrecision.DAY) : null,
  };
}
