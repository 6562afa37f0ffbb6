/**
 * `node(id:)` and `nodes(ids:)` for the whole graph (Relay Global Object
 * Identification). They live here because this subgraph already names the
 * other subgraphs' entities; node-lookup.ts finds each id's type.
 */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { badUserInput } from "../../../shared/graphql/errors";
import { Node, type NodeValue } from "../../../shared/graphql/node";
import { isUuid } from "../../../shared/records/ids";
import type { ProgramsContext } from "../context";
import { findNodes } from "../node-lookup";
import { registerArgumentRules } from "../../../shared/records/input-fields";
import { each, uuid } from "../../../shared/records/validation";

// What nodes(ids:) takes, for those that read the rules (the hostile-input suite).
registerArgumentRules("ids", [each(uuid)]);

/** Ids compared as stored: lower-case UUIDs; anything else names nothing and is the caller's mistake. */
function checkedId(id: string, field: string): string {
  if (!isUuid(id)) throw badUserInput(`${field} must be an id (a UUID), got ${JSON.stringify(id.slice(0, 60))}`, field);
  return id.toLowerCase();
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its id, whatever its type (an enterprise, a university, a division, a department, a contact, a person, a program, a party or an activity); null when nothing has that id." })
  async node(@Arg("id", () => ID, { description: "The object's id." }) id: string, @Ctx() context: ProgramsContext): Promise<NodeValue | null> {
    const [found] = await findNodes(context, [checkedId(id, "id")]);
    if (found instanceof Error) throw found;
    return found;
  }

  @Query(() => [Node], { nullable: "items", description: "Objects by their ids, of any types mixed, in the order asked (at most 1000); null in the place of an id that nothing has. One fetch per subgraph, however many." })
  nodes(@Arg("ids", () => [ID], { description: "The objects' ids." }) ids: string[], @Ctx() context: ProgramsContext): Promise<(NodeValue | Error | null)[]> {
    if (ids.length > context.maxPageSize) throw badUserInput(`ids may name at most ${context.maxPageSize} objects, got ${ids.length}`, "ids");
    return findNodes(context, ids.map((id, i) => checkedId(id, `ids[${i}]`)));
  }
}
