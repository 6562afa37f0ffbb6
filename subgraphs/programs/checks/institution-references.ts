/**
 * Before a program stores a reference to an institution or unit, it asks the
 * subgraph that owns it whether it exists, is current, and (for a unit)
 * belongs to that institution; the answer also gives the institution's
 * country, which programs keep for country filters and statistics. Inside
 * a write's transaction the references are locked against archival first
 * (shared/records/reference-lock.ts), so the answer holds until commit.
 */
import type { EntityManager } from "typeorm";
import { badUserInput, forbidden } from "../../../shared/graphql/errors";
import { lockAgainstArchival } from "../../../shared/records/reference-lock";
import type { ProgramsContext } from "../context";
import type { InstitutionType } from "../entities/enums";
import { INSTITUTION_KINDS, type InstitutionKind } from "../entities/institution-kinds";

export interface Reference {
  institutionType: InstitutionType;
  institutionId: string;
  unitId?: string | null;
  /** Where the reference sits in the input, for the error message (`parties[1]`). */
  field: string;
}

interface EntityAnswer {
  __typename: string;
  id: string;
  status: "ACTIVE" | "ARCHIVED";
  countryCode?: string;
  /** On a unit: its institution, under the field the registry names (`enterprise`, `university`). */
  [institutionField: string]: unknown;
}

/** What to ask the owner of each kind: its institutions' status and country, its units' status and institution. */
const entitiesQuery = ({ institution, unit }: InstitutionKind) => `query References($representations: [_Any!]!) { _entities(representations: $representations) {
      __typename ... on ${institution.type} { id status countryCode } ... on ${unit.type} { id status ${unit.institutionField} { id } } } }`;

/** Checks every reference (one question at most per owning subgraph); returns each institution's country. */
export async function checkReferences(context: ProgramsContext, references: Reference[]): Promise<Map<string, string>> {
  const countries = new Map<string, string>();
  for (const kind of INSTITUTION_KINDS) {
    const owner = { peer: kind.owner, institution: kind.institution.type, unit: kind.unit.type };
    const wanted = references.filter((r) => r.institutionType === kind.kind);
    if (wanted.length === 0) continue;
    const representations = [
      ...new Set(wanted.map((r) => `${owner.institution}:${r.institutionId}`)),
      ...new Set(wanted.filter((r) => r.unitId).map((r) => `${owner.unit}:${r.unitId}`)),
    ].map((key) => {
      const [__typename, id] = key.split(":");
      return { __typename, id };
    });
    const { _entities } = await context.peers.query<{ _entities: (EntityAnswer | null)[] }>(
      owner.peer,
      entitiesQuery(kind),
      { representations },
      context.requestId,
    );
    const found = new Map(_entities.filter((e): e is EntityAnswer => e !== null).map((e) => [`${e.__typename}:${e.id}`, e]));
    for (const reference of wanted) {
      const institution = found.get(`${owner.institution}:${reference.institutionId}`);
      if (!institution) throw badUserInput(`${reference.field}.institutionId: no ${owner.institution} has id ${reference.institutionId}`, `${reference.field}.institutionId`);
      if (institution.status !== "ACTIVE") throw badUserInput(`${reference.field}.institutionId: the ${owner.institution} is archived`, `${reference.field}.institutionId`);
      countries.set(reference.institutionId, institution.countryCode!);
      if (reference.unitId) {
        const unit = found.get(`${owner.unit}:${reference.unitId}`);
        const unitOwner = (unit?.[kind.unit.institutionField] as { id: string } | undefined)?.id;
        if (!unit || unitOwner !== reference.institutionId) {
          throw badUserInput(`${reference.field}.unitId: no ${owner.unit} of that ${owner.institution} has id ${reference.unitId}`, `${reference.field}.unitId`);
        }
        if (unit.status !== "ACTIVE") throw badUserInput(`${reference.field}.unitId: the ${owner.unit} is archived`, `${reference.field}.unitId`);
      }
    }
  }
  return countries;
}

/** Within a write's transaction: locks the references against archival, then checks them (see reference-lock.ts). */
export async function checkReferencesLocked(context: ProgramsContext, manager: EntityManager, references: Reference[]): Promise<Map<string, string>> {
  await lockAgainstArchival(manager, references.flatMap((r) => [r.institutionId, ...(r.unitId ? [r.unitId] : [])]));
  return checkReferences(context, references);
}

/** An editor acts for an institution that must still be active: an archived institution's credentials write nothing. */
export async function requireActiveInstitution(context: ProgramsContext, manager: EntityManager): Promise<void> {
  const { principal } = context.access;
  if (context.access.isAdmin || !principal.institution) return;
  const reference = { institutionType: principal.institution.type as InstitutionType, institutionId: principal.institution.id, field: "credentials" };
  try {
    await checkReferencesLocked(context, manager, [reference]);
  } catch (error) {
    if ((error as { extensions?: { code?: string } }).extensions?.code !== "BAD_USER_INPUT") throw error;
    throw forbidden("Your institution is archived or unknown: its credentials take part in nothing new (no programs, signatures, amendments or activities).");
  }
}
