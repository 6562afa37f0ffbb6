/** The programs list: the programs matching a filter, in the order every list of programs shows them. */
import type { DataSource, SelectQueryBuilder } from "typeorm";
import type { KeysetColumn } from "../../../shared/graphql/pagination";
import { Program } from "../entities/program";
import type { ProgramFilter } from "../resolvers/filters";
import { applyProgramFilter } from "./program-filter";
import { programCountFromSummaries } from "./summary-count";

/** Newest first (by signing date, else start date); undated programs last; id breaks ties. */
export const PROGRAM_ORDER: KeysetColumn<Program>[] = [
  {
    expression: "COALESCE(program.signed_on, program.starts_on, DATE '0001-01-01')",
    value: (p) => p.signedOn ?? p.startsOn ?? "0001-01-01",
    direction: "DESC",
  },
  { expression: "program.id", value: (p) => p.id, direction: "ASC" },
];

/** The programs matching a checked filter (all programs without one), to page through in PROGRAM_ORDER. */
export function programList(dataSource: DataSource, filter: ProgramFilter | null) {
  const query = dataSource.getRepository(Program).createQueryBuilder("program");
  applyProgramFilter(query, filter);
  return query;
}

/** How many programs match a checked filter: from the summaries when they can say, else by counting `query` (the list's own, unpaged). */
export async function programTotal(dataSource: DataSource, filter: ProgramFilter | null, query: SelectQueryBuilder<Program>): Promise<number> {
  return (await programCountFromSummaries(dataSource, filter)) ?? query.getCount();
}
