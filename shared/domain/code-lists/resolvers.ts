/**
 * Root fields listing the code lists. Each list is served by the subgraph
 * whose records use it most: countries and industries by enterprises,
 * fields of education by universities.
 */
import { Query, Resolver } from "type-graphql";
import { allCountryCodes } from "./countries";
import { FIELDS_OF_EDUCATION } from "./fields-of-education";
import { INDUSTRIES } from "./industries";
import { Country, FieldOfEducation, Industry, country, fieldOfEducation, industry } from "./types";

@Resolver()
export class CountryListResolver {
  @Query(() => [Country], { description: "Every ISO 3166-1 country, ordered by code; ask for `name(lang: \"ru\")` to label it." })
  countries(): Country[] {
    return allCountryCodes().map(country);
  }

  @Query(() => [Industry], { description: "The NACE Rev. 2 industries used in the graph, ordered by code." })
  industries(): Industry[] {
    return Object.keys(INDUSTRIES).sort().map(industry);
  }
}

@Resolver()
export class FieldOfEducationListResolver {
  @Query(() => [FieldOfEducation], { description: "The ISCED-F 2013 fields of education and training used in the graph, ordered by code." })
  fieldsOfEducation(): FieldOfEducation[] {
    return Object.keys(FIELDS_OF_EDUCATION).sort().map(fieldOfEducation);
  }
}
