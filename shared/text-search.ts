/** Case-insensitive search in text columns and in an institution's names table, safe for any input text. */
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function containsText<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: string[], text: string): void {
  const pattern = `%${escapeLike(text.trim())}%`;
  query.andWhere(`(${columns.map((column) => `${column} ILIKE :textPattern`).join(" OR ")})`, { textPattern: pattern });
}

/**
 * Rows of `query` having a name (in `nameTable`, any language) that contains `text`.
 * `ownerColumn` is the name table's column holding the owner's id.
 */
export function matchesNames<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, nameTable: string, ownerColumn: string, text: string): void {
  const pattern = `%${escapeLike(text.trim())}%`;
  query.andWhere(
    `(${query.alias}.name ILIKE :namePattern OR ${query.alias}.shortName ILIKE :namePattern OR EXISTS (SELECT 1 FROM ${nameTable} n WHERE n.${ownerColumn} = ${query.alias}.id AND n.value ILIKE :namePattern))`,
    { namePattern: pattern },
  );
}
