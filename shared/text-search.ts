/** Case-insensitive "contains" over several columns, safe for any input text. */
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function containsText<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: string[], text: string): void {
  const pattern = `%${escapeLike(text.trim())}%`;
  query.andWhere(`(${columns.map((column) => `${column} ILIKE :textPattern`).join(" OR ")})`, { textPattern: pattern });
}
