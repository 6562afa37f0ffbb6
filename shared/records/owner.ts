/** The institution a unit or member belongs to, and the check every write of one makes first. */
import type { ClassType } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import { InstitutionStatus } from "../domain/institution-status";
import { forbidden, notFound } from "../graphql/errors";

export interface RecordOwner {
  entity: ClassType<{ id: string; status: InstitutionStatus }>;
  typeName: string;
  /** The property, and argument, naming it: `enterpriseId`. */
  property: string;
  /** Its column: `enterprise_id`. */
  column: string;
}

/** Only the owner's editors and administrators write its units and members, and only of an owner that exists and is not archived. */
export async function requireOwner(context: SubgraphContext, owner: RecordOwner, id: string, action: string, manager: EntityManager = context.dataSource.manager): Promise<void> {
  context.access.requireEdit(id, action);
  // Inside a write's transaction, its own connection: a second one from the pool could wait forever under load.
  const row = await manager.getRepository(owner.entity).findOneBy({ id } as never);
  if (!row) throw notFound(`No ${owner.typeName} has id ${id}.`);
  refuseArchived(row, owner.typeName);
}

/** Archived institutions and units take part in nothing new: their records, units and members are no longer written. */
export function refuseArchived(row: { status?: InstitutionStatus }, typeName: string): void {
  if (row.status === InstitutionStatus.ARCHIVED) {
    throw forbidden(`The ${typeName} is archived: it takes part in nothing new, and neither it nor its units, contacts or people are written any more.`);
  }
}
