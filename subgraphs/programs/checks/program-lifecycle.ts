/**
 * The rules of a program's life, apart from GraphQL: who counts as its
 * parties, who may act for them, what changes when it becomes active, how
 * its end date follows from its term. Whose approval it needs is in
 * program-terms.ts and program-versions.ts.
 */
import type { EntityManager } from "typeorm";
import type { Access } from "../../../shared/auth/access";
import { conflict, forbidden, notFound } from "../../../shared/graphql/errors";
import { DatePrecision } from "../../../shared/domain/dates";
import { ProgramStatus } from "../entities/enums";
import { Program as ProgramEntity, type Program } from "../entities/program";
import { ProgramParty } from "../entities/program-party";

export function partiesOf(manager: EntityManager, programId: string): Promise<ProgramParty[]> {
  return manager.getRepository(ProgramParty).find({ where: { programId }, order: { role: "ASC", id: "ASC" } });
}

/** Editors of a party's institution, and administrators, may act on a program. */
export function requirePartyEditor(access: Access, parties: Pick<ProgramParty, "institutionId">[], action: string): void {
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
 * What changes on a DRAFT once every institution whose approval its terms
 * need has approved them: it becomes ACTIVE, signed on the last approval's
 * day, starting then unless a start was agreed, and ending after its term
 * unless an end was agreed.
 */
export function activation(program: Program, signedOn: string): Partial<Program> {
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

/** Locks a program's row for a write that names no version (an approval names the terms hash instead). */
export async function lockProgram(manager: EntityManager, id: string): Promise<Program> {
  const row = await manager.getRepository(ProgramEntity).createQueryBuilder("row").setLock("pessimistic_write").where("row.id = :id", { id }).getOne();
  if (!row) throw notFound(`No Program has id ${id}.`);
  return row;
}
