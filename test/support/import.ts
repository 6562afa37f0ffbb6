/** Sending import files to a test stack's gateway as a partner system would (POST /import/<type>), and making them. */
import { tableFile, type TableRows } from "../../shared/import/templates";
import type { ImportFormat } from "../../shared/import/read-table";

const MEDIA_TYPES: Record<ImportFormat, string> = {
  CSV: "text/csv",
  JSON: "application/json",
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ImportAnswer {
  status: number;
  body: any;
}

export async function postImport(
  gatewayUrl: string,
  type: string,
  file: Buffer,
  format: ImportFormat,
  headers: Record<string, string>,
  query: Record<string, string> = {},
): Promise<ImportAnswer> {
  const url = new URL(`/import/${type}`, gatewayUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await fetch(url, { method: "POST", headers: { "content-type": MEDIA_TYPES[format], ...headers }, body: file });
  return { status: response.status, body: await response.json() };
}

/** A file of these rows, with the columns the rows use (in first-seen order). */
export function fileOf(format: ImportFormat, rows: TableRows): Promise<Buffer> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return tableFile(format, columns, rows);
}
