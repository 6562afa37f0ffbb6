import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { findByIdOrSlug } from "../../../shared/graphql/lookup";
import { Contact } from "../entities/contact";
import { Division } from "../entities/division";
import { Enterprise } from "../entities/enterprise";
import type { EnterprisesContext } from "../context";

@Resolver(() => Division)
export class DivisionResolver {
  @Query(() => Division, { nullable: true, description: "One division by `id` or by `slug` (give exactly one); null when there is none." })
  division(
    @Arg("id", () => ID, { nullable: true, description: "The division's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The division's slug." }) slug: string | null,
    @Ctx() context: EnterprisesContext,
  ): Promise<Division | null> {
    return findByIdOrSlug(context.lookup, Division, id, slug);
  }

  @FieldResolver(() => Enterprise, { description: "The enterprise the division belongs to." })
  async enterprise(@Root() division: Division, @Ctx() context: EnterprisesContext): Promise<Enterprise> {
    return (await context.lookup(Enterprise).load(division.enterpriseId))!;
  }

  @FieldResolver(() => Division, { nullable: true, description: "The division this one sits inside; null at the top of the tree." })
  parent(@Root() division: Division, @Ctx() context: EnterprisesContext): Promise<Division | null> | null {
    return division.parentId ? context.lookup(Division).load(division.parentId) : null;
  }

  @FieldResolver(() => [Contact], { description: "People and service lines of this division, ordered by name." })
  contacts(@Root() division: Division, @Ctx() context: EnterprisesContext): Promise<Contact[]> {
    return context.loaders.contactsByDivision.load(division.id);
  }

  @FieldResolver(() => [Division], { description: "Divisions directly inside this one, ordered by name." })
  children(@Root() division: Division, @Ctx() context: EnterprisesContext): Promise<Division[]> {
    return context.loaders.divisionsByParent.load(division.id);
  }
}
