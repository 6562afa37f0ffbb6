/**
 * Rows as CSV (RFC 4180: a header line, fields quoted when they hold a comma,
 * quote or line break, CRLF between records) or as JSON lines (one object a
 * line), written one record at a time.
 */

export type TableFormat = "csv" | "jsonl";

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

export interface Column<Row> {
  name: string;
  value(row: Row): string | number | boolean | null | undefined;
}

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading = + - @ would make a spreadsheet evaluate the cell as a formula: prefix a quote (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader<Row>(columns: readonly Column<Row>[]): string {
  return `${columns.map((column) => csvField(column.name)).join(",")}\r\n`;
}

export function csvRecord<Row>(columns: readonly Column<Row>[], row: Row): string {
  return `${columns.map((column) => csvField(column.value(row))).join(",")}\r\n`;
}

/** A JSON line with the columns' values, names as keys; `json` overrides (nested values for JSON readers). */
export function jsonLine<Row>(columns: readonly Column<Row>[], row: Row, json?: (row: Row) => unknown): string {
  return `${JSON.stringify(json ? json(row) : Object.fromEntries(columns.map((column) => [column.name, column.value(row) ?? null])))}\n`;
}
