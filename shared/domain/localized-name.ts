/**
 * Names in several languages. The columns and the GraphQL type are defined
 * once here; each subgraph stores its own names in its own table
 * (`enterprise_name`, `university_name`) by extending LocalizedName.
 */
import { Directive, Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { randomUUID } from "node:crypto";
import { Column, PrimaryColumn, type EntityManager, type EntityTarget } from "typeorm";
import { registeredRules } from "../records/input-fields";
import { languageTag, oneOf, required, text } from "../records/validation";

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
@InputType("LocalizedNameInput", { description: "One name of an institution in one language." })
export class LocalizedNameInput {
  @Field(() => String, { description: "The name as written in that language." })
  value: string;

  @Field(() => String, { description: "BCP 47 language tag: `en`, `ru`, `uz`, `uz-Cyrl`, `zh`, ..." })
  lang: string;

  @Field(() => NameKind, { description: "Whether the name is official, short, an acronym, an alternative or a former one." })
  kind: NameKind;
}

/**
 * Replaces all names of one institution (in its subgraph's name table) and
 * returns them before and after, for the audit log.
 */
export async function replaceNames<T extends LocalizedName>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ownerProperty: keyof T & string,
  ownerId: string,
  names: LocalizedNameInput[],
): Promise<{ before: { names: LocalizedNameInput[] }; after: { names: LocalizedNameInput[] } }> {
  const plain = (rows: LocalizedNameInput[]) => rows.map(({ value, lang, kind }) => ({ value, lang, kind }));
  const before = await manager.getRepository(entity).find({ where: { [ownerProperty]: ownerId } as never, order: { lang: "ASC", value: "ASC" } as never });
  await manager.getRepository(entity).delete({ [ownerProperty]: ownerId } as never);
  if (names.length) {
    await manager.getRepository(entity).insert(names.map((n) => ({ ...plain([n])[0], id: randomUUID(), [ownerProperty]: ownerId })) as never);
  }
  return { before: { names: plain(before) }, after: { names: plain(names) } };
}

/** The rules a name on input must pass, wherever an institution takes names. */
export const localizedNameRules = registeredRules<LocalizedNameInput>("LocalizedNameInput", {
  value: [required, text(300)],
  lang: [required, languageTag],
  kind: [required, oneOf(NameKind)],
});
