/**
 * The synthetic dataset is generated inside PostgreSQL (generate_series), a
 * subgraph at a time through its own connection. These SQL snippets are the
 * formulas every subgraph shares, so that programs name, by id and with the
 * right country, institutions the other subgraphs generated: no query
 * crosses schemas, and the same sizes always give the same data.
 */

/** A deterministic pseudo-random whole number ≥ 0 from a row number and a salt. */
export function hash(row: string, salt: string): string {
  return `(('x' || substr(md5('${salt}:' || ${row}), 1, 8))::bit(32)::int & 2147483647)`;
}

/** The id of synthetic record number `row` of a type (a UUID made from an md5). */
export function syntheticId(typeName: string, row: string): string {
  return `md5('${typeName}:synthetic-' || ${row})::uuid`;
}

/** Picks an element of a SQL array parameter (`$n`) by hash. */
export function pick(arrayParameter: string, row: string, salt: string): string {
  return `(${arrayParameter})[1 + ${hash(row, salt)} % cardinality(${arrayParameter})]`;
}

export const COUNTRIES = ["UZ", "UZ", "UZ", "UZ", "RU", "RU", "KZ", "KG", "MN", "CN", "TR", "DE", "TN", "IN", "KR"];
export const INDUSTRY_CODES = ["07.29", "24.44", "24.41", "24.43", "24.45", "24", "28"];
export const FIELD_CODES = ["0713", "0715", "0722", "0724", "0531", "0532", "0711", "0714", "0788", "071"];

/** Country of synthetic enterprise `row` (1-based), known to both enterprises and programs. */
export const enterpriseCountry = (row: string, countries = "$2::text[]") => pick(countries, row, "enterprise-country");
export const universityCountry = (row: string, countries = "$2::text[]") => pick(countries, row, "university-country");
