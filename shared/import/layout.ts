/**
 * The column layout of one record type's import file: one documented column
 * per field, the same in CSV, XLSX and JSON (a JSON file is a list of objects
 * keyed by these names). The README's tables and the downloadable templates
 * are made from these declarations, so what is documented is what is read.
 */
import { DatePrecision } from "../domain/dates";

export interface ImportColumn {
  name: string;
  description: string;
  /** A value for the template's example row. */
  example: string;
  required?: boolean;
  /** False for columns the template leaves out (the third and later parties): read all the same. */
  inTemplate?: boolean;
}

export interface ImportLayout {
  /** As on the command line and in the URL: `programs`, `divisions`, `contacts`, `departments`, `people`. */
  name: string;
  /** The GraphQL type of the records: `Program`. */
  recordType: string;
  /** The subgraph that owns them, where the import runs. */
  subgraph: string;
  /** The mutation that imports them: `importPrograms`. */
  mutation: string;
  description: string;
  columns: ImportColumn[];
}

/** The first column of every layout: the institution's own reference, which makes the import repeatable. */
export const EXTERNAL_REF: ImportColumn = {
  name: "externalRef",
  description: "Your own reference for the record (at most 200 characters), unique per institution and record type: a second import with the same reference updates that record, or leaves it as it is.",
  example: "AGR-2026-001",
  required: true,
};

/** Separates the values of a list in one cell (codes, directions). */
export const LIST_SEPARATOR = ";";

/** A list cell as its values: `0724; 0715` gives ["0724", "0715"]. */
export function listCell(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== "");
}

/** A whole number, or the text as written (so the field's rule names what is wrong with it). */
export function integerCell(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

/**
 * A date with its precision: `2025` is 1 January 2025 known to the year,
 * `2025-03` the first of March known to the month, `2025-03-15` the day.
 * A precision column, when filled, says it instead. Anything else is passed
 * on as written, for the date rule to refuse with its own message.
 */
export function datedCell(value: string | undefined, precision: string | undefined): { date: string | null; precision: string | null } {
  if (value === undefined) return { date: null, precision: precision ?? null };
  const year = /^(\d{4})$/.exec(value);
  if (year) return { date: `${year[1]}-01-01`, precision: precision ?? DatePrecision.YEAR };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return { date: `${month[1]}-${month[2]}-01`, precision: precision ?? DatePrecision.MONTH };
  return { date: value, precision: precision ?? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? DatePrecision.DAY : null) };
}

/** The precision columns that go with a date column. */
export const precisionColumn = (dateColumn: string, what: string): ImportColumn => ({
  name: `${dateColumn}Precision`,
  description: `How much of ${what} is known: DAY, MONTH or YEAR; empty: read off \`${dateColumn}\` (\`2025\` is YEAR, \`2025-03\` MONTH, \`2025-03-15\` DAY).`,
  example: "",
});
