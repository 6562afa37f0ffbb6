/**
 * Text search that ignores case and accents, in any script, served by the
 * trigram indexes on search_text(...) that each subgraph's migrations create
 * (shared/database/search-migration.ts). Safe for any input text.
 */
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function pattern(text: string): string {
  return `%${escapeLike(text.trim())}%`;
}

/** Rows where any of `columns` (SQL column names, e.g. `program.title`) contains `text`. */
export function matchesText<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: string[], text: string): void {
  query.andWhere(`(${columns.map((column) => `search_text(${column}) LIKE search_text(:textPattern)`).join(" OR ")})`, {
    textPattern: pattern(text),
  });
}

/**
 * Institutions having a name (display name, acronym, or any name in `nameTable`,
 * in any language) that contains `text`. `ownerColumn` holds the owner's id.
 */
export function matchesNames<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, nameTable: string, ownerColumn: string, text: string): void {
  const a = query.alias;
  query.andWhere(
    `(search_text(${a}.name) LIKE search_text(:namePattern) OR search_text(${a}.short_name) LIKE search_text(:namePattern)
      OR EXISTS (SELECT 1 FROM ${nameTable} n WHERE n.${ownerColumn} = ${a}.id AND search_text(n.value) LIKE search_text(:namePattern)))`,
    { namePattern: pattern(text) },
  );
}
