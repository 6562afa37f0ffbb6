/**
 * Divisions and departments form a tree under their institution. A unit's
 * new parent must belong to the same institution and must not sit below the
 * unit itself (that would make a cycle). Archived units take no new
 * children and no new members.
 */
import type { DataSource } from "typeorm";
import { badUserInput } from "../graphql/errors";
import { isUuid } from "./ids";
import { InstitutionStatus } from "../domain/institution-status";

const ARCHIVED: string = InstitutionStatus.ARCHIVED;

export interface UnitTable {
  /** `division` or `department`. */
  table: string;
  /** The column naming the institution: `enterprise_id` or `university_id`. */
  ownerColumn: string;
  /** For messages: "division of the same enterprise". */
  noun: string;
}

export async function checkUnitParent(
  dataSource: DataSource,
  unit: UnitTable,
  ownerId: string,
  parentId: string | null | undefined,
  selfId?: string,
): Promise<void> {
  if (!parentId) return;
  if (!isUuid(parentId)) throw badUserInput(`parentId must be the id of a ${unit.noun}`, "parentId");
  const chain: { id: string; owner_id: string; status: string }[] = await dataSource.query(
    `WITH RECURSIVE up AS (
       SELECT id, ${unit.ownerColumn} AS owner_id, parent_id, status, 1 AS depth FROM ${unit.table} WHERE id = $1
       UNION ALL
       SELECT u.id, u.${unit.ownerColumn}, u.parent_id, u.status, up.depth + 1 FROM ${unit.table} u JOIN up ON u.id = up.parent_id WHERE up.depth < 100)
     SELECT id, owner_id, status FROM up ORDER BY depth`,
    [parentId.toLowerCase()],
  );
  if (chain.length === 0 || chain[0].owner_id !== ownerId) throw badUserInput(`parentId must be a ${unit.noun}`, "parentId");
  if (chain[0].status === ARCHIVED) throw badUserInput(`parentId: that ${unit.table} is archived; archived units take part in nothing new`, "parentId");
  if (selfId && chain.some((row) => row.id === selfId)) throw badUserInput("parentId must not be the unit itself or one inside it", "parentId");
}

/** A contact's division or a person's department must belong to the same institution. */
export async function checkUnitOwner(dataSource: DataSource, unit: UnitTable, ownerId: string, unitId: string | null | undefined, field: string): Promise<void> {
  if (!unitId) return;
  if (!isUuid(unitId)) throw badUserInput(`${field} must be the id of a ${unit.noun}`, field);
  const rows: { owner_id: string; status: string }[] = await dataSource.query(`SELECT ${unit.ownerColumn} AS owner_id, status FROM ${unit.table} WHERE id = $1`, [unitId.toLowerCase()]);
  if (rows[0]?.owner_id !== ownerId) throw badUserInput(`${field} must be a ${unit.noun}`, field);
  if (rows[0].status === ARCHIVED) throw badUserInput(`${field}: that ${unit.table} is archived; archived units take part in nothing new`, field);
}
