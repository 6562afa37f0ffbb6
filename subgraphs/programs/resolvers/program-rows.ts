/**
 * The rows beside a program that its writes replace: its parties (each
 * checked with the subgraph that owns it, under the archival lock) and its
 * directions.
 */
import type { EntityManager } from "typeorm";
import { randomUUID } from "node:crypto";
import { ProgramDirection } from "../entities/program-direction";
import { ProgramParty } from "../entities/program-party";
import type { ProgramsContext } from "../context";
import { checkReferencesLocked } from "../checks/institution-references";
import type { PartyInput } from "../fields";
import { insertRows } from "../../../shared/database/insert-rows";

/** What a party row carries besides its institution, unit and role: who signed for it, when. */
export type Signature = Pick<ProgramParty, "signedOn" | "signatoryName" | "signatoryPosition">;

/** A program's party rows, each with its institution's country as the owning subgraph confirmed it (`checkReferencesLocked`). */
export function partyRows(
  manager: EntityManager,
  programId: string,
  parties: PartyInput[],
  countries: Map<string, string>,
  signatureOf: (party: PartyInput) => Partial<Signature> = () => ({}),
): ProgramParty[] {
  return parties.map((p) =>
    manager.create(ProgramParty, {
      signatoryName: null,
      signatoryPosition: null,
      ...p,
      id: randomUUID(),
      programId,
      institutionCountryCode: countries.get(p.institutionId) ?? null,
      signedOn: null,
      ...signatureOf(p),
      version: 1,
    }),
  );
}

/** Replaces a program's parties after asking the owning subgraphs about each; `signatureOf` says who signed for each (none by default). */
export async function replaceParties(
  context: ProgramsContext,
  manager: EntityManager,
  programId: string,
  parties: PartyInput[],
  signatureOf: (party: PartyInput) => Partial<Signature> = () => ({}),
): Promise<ProgramParty[]> {
  const countries = await checkReferencesLocked(context, manager, partyReferences(parties));
  await manager.delete(ProgramParty, { programId });
  const rows = partyRows(manager, programId, parties, countries, signatureOf);
  await insertRows(manager, ProgramParty, rows);
  return rows;
}

/** Parties as references to check, each named by where it sits in the input (`parties[1]`). */
export const partyReferences = (parties: PartyInput[]) => parties.map((p, i) => ({ ...p, field: `parties[${i}]` }));

type DirectionInput = { direction: ProgramDirection["direction"]; description?: string | null };

/** A program's direction rows, in the order given. */
export const directionRows = (programId: string, directions: DirectionInput[]) =>
  directions.map((d, position) => ({ id: randomUUID(), programId, direction: d.direction, description: d.description ?? null, position }));

export async function replaceDirections(manager: EntityManager, programId: string, directions: DirectionInput[]): Promise<void> {
  await manager.delete(ProgramDirection, { programId });
  await insertRows(manager, ProgramDirection, directionRows(programId, directions));
}

export function directionsOf(manager: EntityManager, programId: string): Promise<ProgramDirection[]> {
  return manager.find(ProgramDirection, { where: { programId }, order: { position: "ASC" } });
}

/** Parties as the audit log keeps them. */
export const plainParties = (parties: ProgramParty[]) =>
  parties.map(({ institutionType, institutionId, unitId, role, signatoryName, signatoryPosition, signedOn }) => ({
    institutionType, institutionId, unitId, role, signatoryName, signatoryPosition, signedOn,
  }));
