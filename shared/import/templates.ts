/**
 * The downloadable template of each layout, in each format: the header row
 * and one example row, made from the layout itself (so it always matches what
 * the import reads). Tools that write the files (tests, the benchmark) use
 * the same writers.
 */
import writeXlsxFile from "write-excel-file/node";
import type { ImportLayout } from "./layout";
import type { ImportFormat } from "./read-table";

export type TableRows = Record<string, string>[];

const csvCell = (value: string) => (/[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replaceAll('"', '""')}"` : value);

export function csvOf(columns: string[], rows: TableRows): string {
  return [columns, ...rows.map((row) => columns.map((column) => row[column] ?? ""))].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function jsonOf(columns: string[], rows: TableRows): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(columns.filter((c) => row[c] !== undefined && row[c] !== "").map((c) => [c, row[c]]))), null, 2);
}

export async function xlsxOf(columns: string[], rows: TableRows): Promise<Buffer> {
  // Every cell as text, so codes such as `0724` keep their leading zero.
  const sheet = [columns.map((c) => ({ value: c, fontWeight: "bold" as const })), ...rows.map((row) => columns.map((c) => (row[c] ? { value: row[c], type: String } : null)))];
  return Buffer.from(await writeXlsxFile(sheet as never).toBuffer());
}

/** A file of `rows` in `format`. */
export async function tableFile(format: ImportFormat, columns: string[], rows: TableRows): Promise<Buffer> {
  if (format === "XLSX") return xlsxOf(columns, rows);
  return Buffer.from(format === "CSV" ? csvOf(columns, rows) : jsonOf(columns, rows), "utf8");
}

export function templateOf(layout: ImportLayout, format: ImportFormat): Promise<Buffer> {
  const columns = layout.columns.filter((c) => c.inTemplate !== false);
  return tableFile(format, columns.map((c) => c.name), [Object.fromEntries(columns.map((c) => [c.name, c.example]))]);
}
