/**
 * snake_case tables and columns, and readable constraint names
 * (`uq_enterprise_slug`, `fk_division_parent_id`) instead of TypeORM's hashes,
 * so that migrations read well and a violated constraint names itself.
 */
import { DefaultNamingStrategy, Table, type NamingStrategyInterface } from "typeorm";

export function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

function bareTableName(table: Table | string): string {
  const name = typeof table === "string" ? table : table.name;
  return name.slice(name.lastIndexOf(".") + 1);
}

function constraintName(prefix: string, table: Table | string, columns: string[], where?: string): string {
  const base = `${prefix}_${bareTableName(table)}_${columns.join("_")}${where ? "_partial" : ""}`;
  // PostgreSQL truncates identifiers at 63 bytes; keep them unique by hashing the rest.
  return base.length <= 63 ? base : `${base.slice(0, 54)}_${hash(base)}`;
}

function hash(text: string): string {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + char.charCodeAt(0)) >>> 0;
  return h.toString(36).padStart(7, "0").slice(0, 8);
}

export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snakeCase(targetName);
  }
  override columnName(propertyName: string, customName: string, embeddedPrefixes: string[]): string {
    return customName || snakeCase([...embeddedPrefixes, propertyName].join("_"));
  }
  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }
  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }
  override primaryKeyName(table: Table | string): string {
    return `pk_${bareTableName(table)}`;
  }
  override uniqueConstraintName(table: Table | string, columns: string[]): string {
    return constraintName("uq", table, columns);
  }
  override relationConstraintName(table: Table | string, columns: string[], where?: string): string {
    return constraintName("rel", table, columns, where);
  }
  override foreignKeyName(table: Table | string, columns: string[]): string {
    return constraintName("fk", table, columns);
  }
  override indexName(table: Table | string, columns: string[], where?: string): string {
    return constraintName("ix", table, columns, where);
  }
  override defaultConstraintName(table: Table | string, column: string): string {
    return constraintName("df", table, [column]);
  }
}
