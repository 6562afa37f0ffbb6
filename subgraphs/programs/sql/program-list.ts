/** The programs list: the programs matching a filter, in the order every list of programs shows them. */
import type { DataSource } from "typeorm";
import type { KeysetColumn } from "../../../shared/graphql/pagination";
import { Program } from "../entities/program";
import type { ProgramFilter } from "../resolvers/filters";
import { applyProgramFilter } from "./program-filter";

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
