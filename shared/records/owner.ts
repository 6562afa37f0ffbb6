/** The institution a unit or member belongs to, and the check every write of one makes first. */
import type { ClassType } from "type-graphql";
import type { SubgraphContext } from "../subgraph/context";
import { notFound } from "../graphql/errors";

export interface RecordOwner {
  entity: ClassType<{ id: string }>;
  typeName: string;
  /** The property, and argument, naming it: `enterpriseId`. */
  property: string;
  /** Its column: `enterprise_id`. */
  column: string;
}

/** Only the owner's editors and administrators write its units and members, and only of an owner that exists. */
export async function requireOwner(context: SubgraphContext, owner: RecordOwner, id: string, action: string): Promise<void> {
  context.access.requireEdit(id, action);
  if (!(await context.dataSource.getRepository(owner.entity).existsBy({ id }))) throw notFound(`No ${owner.typeName} has id ${id}.`);
}
