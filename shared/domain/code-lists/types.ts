/**
 * Code-list entries as GraphQL value types. Several subgraphs return them, so
 * they are @shareable and resolved identically everywhere from the lists in
 * this folder.
 */
import { Arg, Directive, Field, ObjectType } from "type-graphql";
import { countryName } from "./countries";
import { FIELDS_OF_EDUCATION } from "./fields-of-education";
import { INDUSTRIES } from "./industries";

const LANG_DESCRIPTION = "Language of the label: `en` (default), `ru` or `uz` (countries only); others fall back to English.";

function label(labels: { en: string; ru: string } | undefined, lang: string, code: string): string {
  if (!labels) return code;
  return lang === "ru" ? labels.ru : labels.en;
}

@Directive("@shareable")
@ObjectType("Country", { description: "A country, ISO 3166-1." })
export class Country {
  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, e.g. `UZ`." })
  code: string;

  @Field(() => String, { description: "The country's name in the requested language." })
  name(@Arg("lang", () => String, { defaultValue: "en", description: LANG_DESCRIPTION }) lang: string): string {
    return countryName(this.code, lang);
  }
}

@Directive("@shareable")
@ObjectType("FieldOfEducation", { description: "A field of education and training, ISCED-F 2013 (UNESCO)." })
export class FieldOfEducation {
  @Field(() => String, { description: "ISCED-F 2013 code: 2 digits for a broad field, 3 for a narrow, 4 for a detailed one, e.g. `0724` (Mining and extraction)." })
  code: string;

  @Field(() => String, { description: "The field's name in the requested language." })
  name(@Arg("lang", () => String, { defaultValue: "en", description: LANG_DESCRIPTION }) lang: string): string {
    return label(FIELDS_OF_EDUCATION[this.code], lang, this.code);
  }
}

@Directive("@shareable")
@ObjectType("Industry", { description: "An economic activity, NACE Rev. 2 (the EU's classification, followed by Russia's OKVED 2)." })
export class Industry {
  @Field(() => String, { description: "NACE Rev. 2 code: a section letter (`B`), a division (`24`) or a class (`24.44`)." })
  code: string;

  @Field(() => String, { description: "The industry's name in the requested language." })
  name(@Arg("lang", () => String, { defaultValue: "en", description: LANG_DESCRIPTION }) lang: string): string {
    return label(INDUSTRIES[this.code], lang, this.code);
  }
}

export const country = (code: string): Country => Object.assign(new Country(), { code });
export const fieldOfEducation = (code: string): FieldOfEducation => Object.assign(new FieldOfEducation(), { code });
export const industry = (code: string): Industry => Object.assign(new Industry(), { code });
