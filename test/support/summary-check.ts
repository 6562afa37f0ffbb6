/**
 * The check that the programs' summaries answer exactly as the statements
 * over the whole table do (the reference: programStatsByScan,
 * cooperationNetworkByScan and the list's own count), over many filter
 * combinations; used by test/program-summaries.test.ts at a size the suite
 * affords and by scripts/check-summaries.ts at full scale.
 */
import { isDeepStrictEqual } from "node:util";
import type { DataSource } from "typeorm";
import { rebuildProgramSummaries } from "../../subgraphs/programs/sql/program-summaries";
import type { ProgramFilter } from "../../subgraphs/programs/resolvers/filters";
import { cooperationNetworkByScan } from "../../subgraphs/programs/sql/cooperation-network";
import { programList } from "../../subgraphs/programs/sql/program-list";
import { programStatsByScan } from "../../subgraphs/programs/sql/program-stats";
import { programCountFromSummaries } from "../../subgraphs/programs/sql/summary-count";
import { summaryFilterOf } from "../../subgraphs/programs/sql/summary-filter";
import { cooperationNetworkFromSummaries } from "../../subgraphs/programs/sql/summary-network";
import { cooperationNetworkOfScope, networkScopeOf } from "../../subgraphs/programs/sql/scope-network";
import { programStatsFromSummaries, summariesCanGroup } from "../../subgraphs/programs/sql/summary-stats";
import { ProgramStatsGrouping } from "../../subgraphs/programs/types/program-stats";
import { ProgramKind, ProgramStatus } from "../../subgraphs/programs/entities/enums";

const KINDS: (ProgramKind[] | null)[] = [null, [ProgramKind.MEMORANDUM], [ProgramKind.INTERNSHIP, ProgramKind.EXCHANGE, ProgramKind.TRAINING], []];
const STATUSES: (ProgramStatus[] | null)[] = [null, [ProgramStatus.ACTIVE], [ProgramStatus.DRAFT, ProgramStatus.EXPIRED], [ProgramStatus.COMPLETED, ProgramStatus.TERMINATED, ProgramStatus.ACTIVE]];
/** Whole years, partial months on both sides, one end only, a few days, across a year boundary, a leap day, an empty range. */
const SIGNED: { signedFrom?: string; signedTo?: string }[] = [
  {},
  { signedFrom: "2019-01-01", signedTo: "2021-12-31" },
  { signedFrom: "2018-03-15" },
  { signedTo: "2020-07-04" },
  { signedFrom: "2017-02-10", signedTo: "2017-02-25" },
  { signedFrom: "2016-11-20", signedTo: "2018-01-10" },
  { signedFrom: "2020-02-01", signedTo: "2020-03-31" },
  { signedFrom: "2020-02-29", signedTo: "2020-02-29" },
  { signedFrom: "2015-12-31", signedTo: "2016-01-01" },
  { signedFrom: "2022-06-30", signedTo: "2021-01-01" },
  { signedFrom: "2024-01-01", signedTo: "2025-12-31" },
];
/** Up to three countries are served by the summaries; four fall back (the check then compares the fallback with itself, so it is left out). */
const COUNTRIES: (string[] | null)[] = [null, ["KG"], ["UZ", "RU"], ["RU", "UZ", "RU"], ["CN", "KG", "TR"], ["XX"], [], ["UZ"]];
const EXPIRING: (number | null)[] = [null, 90, 0, 365];

/** A deterministic sample of `count` combinations of the filters above, the first ones the plain ones. */
export function filterCombinations(count: number): (ProgramFilter | null)[] {
  // The first ones are the network's scopes (no filter, one country, one status, one kind) and the plain ones.
  const filters: (ProgramFilter | null)[] = [
    null,
    {},
    { statuses: [ProgramStatus.ACTIVE] },
    { partyCountryCodes: ["KG"] },
    { expiringWithinDays: 90 },
    { partyCountryCodes: ["UZ"] },
    { partyCountryCodes: ["XX"] },
    { statuses: [ProgramStatus.DRAFT] },
    { kinds: [ProgramKind.INTERNSHIP] },
  ];
  let seed = 20_261_202;
  const pick = <T>(options: T[]): T => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return options[seed % options.length];
  };
  while (filters.length < count) {
    const filter: ProgramFilter = { ...pick(SIGNED) };
    const kinds = pick(KINDS);
    const statuses = pick(STATUSES);
    const countries = pick(COUNTRIES);
    const expiring = pick(EXPIRING);
    if (kinds) filter.kinds = kinds;
    if (statuses) filter.statuses = statuses;
    if (countries) filter.partyCountryCodes = countries;
    if (expiring != null) filter.expiringWithinDays = expiring;
    filters.push(filter);
  }
  return filters;
}

export interface Mismatch {
  what: string;
  filter: ProgramFilter | null;
  summary: unknown;
  scan: unknown;
}

export interface CheckResult {
  /** How many answers were compared. */
  compared: number;
  mismatches: Mismatch[];
  /** Milliseconds spent in each path, summed. */
  summaryMs: number;
  scanMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/** Plain objects (the answers are class instances) so that equal JSON is equal. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

/** Compares every grouping, the network (a few sizes) and the count for each filter. */
export async function compareSummariesWithScan(dataSource: DataSource, filters: (ProgramFilter | null)[], maxEdges = [7, 500]): Promise<CheckResult> {
  const result: CheckResult = { compared: 0, mismatches: [], summaryMs: 0, scanMs: 0 };
  const compare = async (what: string, filter: ProgramFilter | null, fromSummaries: () => Promise<unknown>, byScan: () => Promise<unknown>) => {
    const [summary, summaryMs] = await timed(fromSummaries);
    const [scan, scanMs] = await timed(byScan);
    result.compared++;
    result.summaryMs += summaryMs;
    result.scanMs += scanMs;
    if (!isDeepStrictEqual(plain(summary), plain(scan))) result.mismatches.push({ what, filter, summary, scan });
  };
  for (const filter of filters) {
    const summary = summaryFilterOf(filter);
    if (!summary) throw new Error(`the summaries cannot answer ${JSON.stringify(filter)}: nothing to compare`);
    await compare("totalCount", filter, () => programCountFromSummaries(dataSource, filter), () => programList(dataSource, filter).getCount());
    if (summary.expiringWithinDays != null) continue;
    for (const groupBy of Object.values(ProgramStatsGrouping)) {
      if (!summariesCanGroup(summary, groupBy)) continue;
      const withActivities = groupBy !== ProgramStatsGrouping.COUNTRY;
      await compare(`programStats(${groupBy})`, filter, () => programStatsFromSummaries(dataSource, summary, groupBy, withActivities), () => programStatsByScan(dataSource, filter, groupBy, withActivities));
    }
    for (const edges of maxEdges) {
      await compare(`cooperationNetwork(maxEdges: ${edges})`, filter, () => cooperationNetworkFromSummaries(dataSource, summary, edges), () => cooperationNetworkByScan(dataSource, filter, edges));
      const scope = networkScopeOf(summary);
      if (scope != null) {
        await compare(`cooperationNetwork(maxEdges: ${edges}) of scope '${scope}'`, filter, () => cooperationNetworkOfScope(dataSource, scope, edges), () => cooperationNetworkByScan(dataSource, filter, edges));
      }
    }
  }
  return result;
}

export const SUMMARY_TABLES = ["program_summary_fact", "program_cube", "program_key_cube", "network_edge_cube", "network_node_cube", "network_scope_pair", "network_scope_node", "network_scope_total"];

export interface RebuildComparison {
  /** Rows per table after the rebuild. */
  rows: Record<string, number>;
  /** Up to 20 rows per table that the triggers kept and the rebuild does not make, and the other way round: both empty when the triggers are exact. */
  onlyKept: Record<string, string[]>;
  onlyRebuilt: Record<string, string[]>;
}

/**
 * The summaries as the triggers left them against a rebuild from the base
 * tables, compared inside PostgreSQL (EXCEPT ALL both ways over a copy kept
 * in temporary tables) so that only differing rows travel.
 */
export async function summariesAgainstRebuild(dataSource: DataSource): Promise<RebuildComparison> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // The cubes' identity column is left out: a rebuild renumbers it (the facts' id is the program's).
    const columns: Record<string, string> = {};
    for (const table of SUMMARY_TABLES) {
      const found: { name: string }[] = await runner.query(
        `SELECT quote_ident(column_name) AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 AND (column_name <> 'id' OR $1 = 'program_summary_fact') ORDER BY ordinal_position`,
        [table],
      );
      columns[table] = found.map((column) => column.name).join(", ");
      await runner.query(`CREATE TEMPORARY TABLE kept_${table} AS SELECT ${columns[table]} FROM ${table}`);
    }
    await rebuildProgramSummaries(dataSource);
    const comparison: RebuildComparison = { rows: {}, onlyKept: {}, onlyRebuilt: {} };
    const differing = (query: string): Promise<string[]> =>
      runner.query(`SELECT to_jsonb(d)::text AS row FROM (${query}) d ORDER BY 1 LIMIT 20`).then((rows: { row: string }[]) => rows.map((r) => r.row));
    for (const table of SUMMARY_TABLES) {
      const rebuilt = `SELECT ${columns[table]} FROM ${table}`;
      const kept = `SELECT ${columns[table]} FROM kept_${table}`;
      comparison.onlyKept[table] = await differing(`${kept} EXCEPT ALL ${rebuilt}`);
      comparison.onlyRebuilt[table] = await differing(`${rebuilt} EXCEPT ALL ${kept}`);
      comparison.rows[table] = Number((await runner.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    }
    return comparison;
  } finally {
    for (const table of SUMMARY_TABLES) await runner.query(`DROP TABLE IF EXISTS kept_${table}`).catch(() => undefined);
    await runner.release();
  }
}

/** The tables whose kept rows differ from a rebuild's. */
export const differingTables = (comparison: RebuildComparison) =>
  SUMMARY_TABLES.filter((table) => comparison.onlyKept[table].length > 0 || comparison.onlyRebuilt[table].length > 0);
