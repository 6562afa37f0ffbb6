/**
 * Reads an import file, CSV, XLSX or JSON, as records of text cells keyed by
 * column name, one at a time. Every format gives the same records for the
 * same content: cells trimmed, empty cells absent, numbers and dates of a
 * spreadsheet written as text (a date cell as YYYY-MM-DD). A record's `row`
 * is its number in the file, 1 for the first record (a spreadsheet shows it
 * on line 2, under the header).
 *
 * CSV is parsed as a stream, record by record; XLSX and JSON are decoded
 * whole, which IMPORT_MAX_BYTES bounds.
 */
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { readSheet } from "read-excel-file/node";
import { badUserInput } from "../graphql/errors";

export const IMPORT_FORMATS = ["CSV", "XLSX", "JSON"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportRecord {
  row: number;
  cells: Record<string, string>;
}

export interface ImportTable {
  /** The columns the file has, in its order. */
  columns: string[];
  records: AsyncIterable<ImportRecord>;
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

function recordOf(columns: string[], values: readonly unknown[], row: number): ImportRecord | null {
  const cells: Record<string, string> = {};
  columns.forEach((column, i) => {
    const text = cellText(values[i]);
    if (column !== "" && text !== undefined) cells[column] = text;
  });
  return Object.keys(cells).length ? { row, cells } : null;
}

async function* numbered(rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>, columns: string[]): AsyncIterable<ImportRecord> {
  let row = 0;
  for await (const values of rows) {
    row += 1;
    const record = recordOf(columns, values, row);
    if (record) yield record;
  }
}

async function readCsv(content: Buffer): Promise<ImportTable> {
  // A byte-order mark (Excel writes one) is not part of the first column's name.
  const parser = Readable.from([content]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const header = await rows.next().catch((error: Error) => {
    throw badUserInput(`The file is not CSV that can be read: ${error.message}`, "content");
  });
  const columns = header.done ? [] : header.value.map((name) => name.trim());
  const rest: AsyncIterable<string[]> = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        rows.next().catch((error: Error) => {
          throw badUserInput(`The file is not CSV that can be read: ${error.message}`, "content");
        }),
    }),
  };
  return { columns, records: numbered(rest, columns) };
}

async function readXlsx(content: Buffer): Promise<ImportTable> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(content)) as unknown[][];
  } catch (error) {
    throw badUserInput(`The file is not an XLSX workbook that can be read: ${(error as Error).message}`, "content");
  }
  const columns = (rows[0] ?? []).map((name) => cellText(name) ?? "");
  return { columns, records: numbered(rows.slice(1), columns) };
}

function readJson(content: Buffer): ImportTable {
  let list: unknown;
  try {
    list = JSON.parse(content.toString("utf8"));
  } catch (error) {
    throw badUserInput(`The file is not JSON: ${(error as Error).message}`, "content");
  }
  if (!Array.isArray(list) || !list.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))) {
    throw badUserInput("A JSON import file is a list of objects, one per record, keyed by the layout's column names.", "content");
  }
  const columns = [...new Set(list.flatMap((item) => Object.keys(item as object)))];
  for (const item of list as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(item)) {
      if (value !== null && typeof value === "object") throw badUserInput(`A JSON import record holds text, numbers or booleans only; "${key}" holds ${Array.isArray(value) ? "a list" : "an object"}.`, "content");
    }
  }
  return { columns, records: numbered((list as Record<string, unknown>[]).map((item) => columns.map((column) => item[column])), columns) };
}

export function readTable(content: Buffer, format: ImportFormat): Promise<ImportTable> | ImportTable {
  switch (format) {
    case "CSV":
      return readCsv(content);
    case "XLSX":
      return readXlsx(content);
    case "JSON":
      return readJson(content);
  }
}
