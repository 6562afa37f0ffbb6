import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Country, Industry, country, industry } from "../../../shared/domain/code-lists/types";
import { LocalizedName } from "../../../shared/domain/localized-name";
import { findByIdOrSlug } from "../../../shared/graphql/lookup";
import { connectionType, pageArgs, paginate, PageArguments } from "../../../shared/graphql/pagination";
import { matchesNames } from "../../../shared/database/text-search";
import { Contact } from "../entities/contact";
import { Division } from "../entities/division";
import { Enterprise } from "../entities/enterprise";
import type { EnterpriseName } from "../entities/enterprise-name";
import type { EnterprisesContext } from "../loaders";
import { checkEnterpriseFilter, EnterpriseFilter } from "./filters";

export const EnterpriseConnection = connectionType("Enterprise", Enterprise, "enterprises");

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: "One enterprise by `id` or by `slug` (give exactly one); null when there is none." })
  enterprise(
    @Arg("id", () => ID, { nullable: true, description: "The enterprise's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The enterprise's slug, e.g. `ammc`." }) slug: string | null,
    @Ctx() context: EnterprisesContext,
  ): Promise<Enterprise | null> {
    return findByIdOrSlug(context.loaders.enterprise, id, slug);
  }

  @Query(() => EnterpriseConnection, { description: "Enterprises, ordered by name, a page at a time." })
  async enterprises(
    @Arg("filter", () => EnterpriseFilter, { nullable: true, description: "Conditions the enterprises must meet." }) filter: EnterpriseFilter | null,
    @Args(() => PageArguments) page: PageArguments,
    @Ctx() context: EnterprisesContext,
  ) {
    if (filter) filter = checkEnterpriseFilter(filter);
    const query = context.dataSource.getRepository(Enterprise).createQueryBuilder("enterprise");
    if (filter?.text) matchesNames(query, "enterprise", "enterprise_name", "enterprise_id", filter.text);
    if (filter?.status) query.andWhere("enterprise.status = :status", { status: filter.status });
    if (filter?.countryCode) query.andWhere("enterprise.countryCode = :countryCode", { countryCode: filter.countryCode.toUpperCase() });
    if (filter?.industryCode) query.andWhere(":industryCode = ANY(enterprise.industryCodes)", { industryCode: filter.industryCode });
    return paginate(query, pageArgs(context, page), [
      { expression: "enterprise.name", value: (e) => e.name, direction: "ASC" },
      { expression: "enterprise.id", value: (e) => e.id, direction: "ASC" },
    ]);
  }

  @FieldResolver(() => [LocalizedName], { description: "All names of the enterprise: official, short and acronyms, in every language and script the sources use." })
  names(@Root() enterprise: Enterprise, @Ctx() context: EnterprisesContext): Promise<EnterpriseName[]> {
    return context.loaders.namesByEnterprise.load(enterprise.id);
  }

  @FieldResolver(() => Country, { description: "Country of registration, with its name in several languages." })
  country(@Root() enterprise: Enterprise): Country {
    return country(enterprise.countryCode);
  }

  @FieldResolver(() => [Industry], { description: "What the enterprise does, as NACE Rev. 2 codes." })
  industries(@Root() enterprise: Enterprise): Industry[] {
    return enterprise.industryCodes.map(industry);
  }

  @FieldResolver(() => [Division], { description: "All divisions of the enterprise (the whole tree, flat), ordered by name." })
  divisions(@Root() enterprise: Enterprise, @Ctx() context: EnterprisesContext): Promise<Division[]> {
    return context.loaders.divisionsByEnterprise.load(enterprise.id);
  }

  @FieldResolver(() => [Contact], { description: "People and service lines of the enterprise, ordered by name." })
  contacts(@Root() enterprise: Enterprise, @Ctx() context: EnterprisesContext): Promise<Contact[]> {
    return context.loaders.contactsByEnterprise.load(enterprise.id);
  }
}
