/**
 * Names in several languages. The columns and the GraphQL type are defined
 * once here; each subgraph stores its own names in its own table
 * (`enterprise_name`, `university_name`) by extending LocalizedName.
 */
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, PrimaryColumn } from "typeorm";

export enum NameKind {
  OFFICIAL = "OFFICIAL",
  SHORT = "SHORT",
  ACRONYM = "ACRONYM",
  ALTERNATIVE = "ALTERNATIVE",
  FORMER = "FORMER",
}
registerEnumType(NameKind, {
  name: "NameKind",
  description: "What kind of name a name is.",
  valuesConfig: {
    OFFICIAL: { description: "The full official name in that language." },
    SHORT: { description: "A shorter everyday form of the name." },
    ACRONYM: { description: "An acronym, e.g. AMMC, АГМК, OKMK." },
    ALTERNATIVE: { description: "Another name in use, such as a transliteration or a name as a news source spells it." },
    FORMER: { description: "A name no longer in use." },
  },
});

@Directive("@shareable")
@ObjectType("LocalizedName", { description: "One name of an institution in one language. Search matches every name, in any script." })
export abstract class LocalizedName {
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Field(() => String, { description: "The name as written in that language, e.g. `Алмалыкский горно-металлургический комбинат`." })
  @Column({ type: "text" })
  value: string;

  @Field(() => String, { description: "BCP 47 language tag: `en`, `ru`, `uz` (Latin script), `uz-Cyrl` (Cyrillic script), `zh`, ..." })
  @Column({ type: "text" })
  lang: string;

  @Field(() => NameKind, { description: "Whether the name is official, short, an acronym, an alternative or a former one." })
  @Column({ type: "text" })
  kind: NameKind;
}

/** What a name looks like on input (seeds and mutations). */
export interface LocalizedNameInput {
  value: string;
  lang: string;
  kind: NameKind;
}
