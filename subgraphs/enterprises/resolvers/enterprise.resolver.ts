import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Country, Industry, country, industry } from "../../../shared/domain/code-lists/types";
import { LocalizedName } from "../../../shared/domain/localized-name";
import { findByIdOrSlug } from "../../../shared/graphql/lookup";
import { pageArgs, paginate, PageArguments } from "../../../shared/graphql/pagination";
import { Contact } from "../entities/contact";
import { Division } from "../entities/division";
import { Enterprise } from "../entities/enterprise";
import type { EnterpriseName } from "../entities/enterprise-name";
import type { EnterprisesContext } from "../context";
import { ENTERPRISE_ORDER, enterpriseList } from "../sql/enterprise-list";
import { EnterpriseConnection } from "../types/enterprise-connection";
import { checkEnterpriseFilter } from "../fields";
import { EnterpriseFilter } from "./filters";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: "One enterprise by `id` or by `slug` (give exactly one); null when there is none." })
  enterprise(
    @Arg("id", () => ID, { nullable: true, description: "The enterprise's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The enterprise's slug, e.g. `ammc`." }) slug: string | null,
    @Ctx() context: EnterprisesContext,
  ): Promise<Enterprise | null> {
    return findByIdOrSlug(context.lookup, Enterprise, id, slug);
  }

  @Query(() => EnterpriseConnection, { description: "Enterprises, ordered by name, a page at a time." })
  async enterprises(
    @Arg("filter", () => EnterpriseFilter, { nullable: true, description: "Conditions the enterprises must meet." }) filter: EnterpriseFilter | null,
    @Args(() => PageArguments) page: PageArguments,
    @Ctx() context: EnterprisesContext,
  ) {
    const query = enterpriseList(context.dataSource, filter && checkEnterpriseFilter(filter));
    return paginate(query, pageArgs(context, page), ENTERPRISE_ORDER);
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
