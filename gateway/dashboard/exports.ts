/**
 * Take-away data at stable GET URLs a spreadsheet or BI tool can refresh:
 *
 *   /export/programs.csv       programs with their parties (also .jsonl)
 *   /export/partners.csv       partners of `?institution=<slug>`, counting the programs the filters let through
 *   /export/program-stats.csv  `programStats` by `?groupBy=KIND|STATUS|YEAR_SIGNED|...`
 *
 * with the dashboard's filters (url-filters.ts). Programs are read through
 * the graph a page at a time (cursors) and each page is written before the
 * next is asked for, waiting while the client is slower than the graph: the
 * gateway holds one page, however many programs there are.
 */
import type { Request, RequestHandler, Response } from "express";
import { ErrorCode } from "../../shared/graphql/errors";
import { sendError } from "../../shared/http/server";
import type { Logger } from "../../shared/logger";
import type { ExecuteOperation, OperationResult } from "./execute";
import { PARTNER_COLUMNS, PROGRAM_COLUMNS, STATS_COLUMNS, programJson, type PartnerRow, type ProgramRow, type StatsRow } from "./export-tables";
import { requireOperation, type DashboardOperations } from "./operations";
import { CONTENT_TYPES, csvHeader, csvRecord, jsonLine, type Column, type TableFormat } from "./table-format";
import { programFilter, readFilters } from "./url-filters";

export const EXPORT_PAGE_SIZE = 500;
const TABLES = ["programs", "partners", "program-stats"] as const;
type Table = (typeof TABLES)[number];

/** A refusal the client caused (bad filter, unknown institution), answered before any row. */
class ExportRefused extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function exportHandler(operations: DashboardOperations, execute: ExecuteOperation, logger: Logger): RequestHandler {
  const run = async (req: Request, res: Response, name: string, variables: Record<string, unknown>) => {
    const result = await execute(req, res, requireOperation(operations, name).query, variables);
    if (result.errors?.length) throw refusalOf(result);
    return result.data!;
  };

  const institutionId = async (req: Request, res: Response, slug: string): Promise<string> => {
    const data = await run(req, res, "DashboardInstitutionId", { slug });
    const id = data.enterprise?.id ?? data.university?.id;
    if (!id) throw new ExportRefused(404, ErrorCode.NOT_FOUND, `No enterprise or university has the slug "${slug}".`);
    return id as string;
  };

  return async (req, res) => {
    const match = /^([a-z-]+)\.(csv|jsonl)$/.exec(String(req.params.file));
    const table = match?.[1] as Table | undefined;
    if (!match || !TABLES.includes(table!)) {
      sendError(res, 404, ErrorCode.NOT_FOUND, `No such export; there are ${TABLES.map((t) => `/export/${t}.csv`).join(", ")} (and .jsonl).`);
      return;
    }
    const format = match[2] as TableFormat;
    const out = new TableStream(res, format, table!);
    try {
      const filters = readFilters(req.query);
      const filter = programFilter(filters, filters.institution ? await institutionId(req, res, filters.institution) : undefined);
      if (table === "programs") {
        let after: string | null = null;
        do {
          const { programs }: Record<string, any> = await run(req, res, "ExportPrograms", { filter, first: EXPORT_PAGE_SIZE, after });
          await out.rows(PROGRAM_COLUMNS, programs.nodes as ProgramRow[], programJson);
          after = programs.pageInfo.hasNextPage ? programs.pageInfo.endCursor : null;
        } while (after && !out.closed);
      } else if (table === "partners") {
        if (!filters.institution) throw new ExportRefused(400, ErrorCode.BAD_USER_INPUT, "Name the institution whose partners to export: ?institution=<slug>.");
        const data = await run(req, res, "ExportPartners", { slug: filters.institution, filter });
        await out.rows(PARTNER_COLUMNS, (data.enterprise ?? data.university).partners as PartnerRow[]);
      } else {
        const groupBy = typeof req.query.groupBy === "string" ? req.query.groupBy.toUpperCase() : "YEAR_SIGNED";
        const data = await run(req, res, "DashboardProgramStats", { filter, groupBy });
        await out.rows(STATS_COLUMNS, data.programStats as StatsRow[]);
      }
      out.end();
    } catch (error) {
      if (!out.started && error instanceof ExportRefused) {
        sendError(res, error.status, error.code, error.message);
      } else if (!out.started) {
        logger.error({ err: error }, "an export failed");
        sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "The export failed; the gateway log says why.");
      } else {
        // Rows already went out under a 200: cut the connection so the client sees an incomplete download, not a short file.
        logger.warn({ err: error, table }, "an export stopped part-way");
        res.destroy();
      }
    }
  };
}

function refusalOf(result: OperationResult): ExportRefused {
  const first = result.errors![0];
  const code = String(first.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const status = code === ErrorCode.INTERNAL_SERVER_ERROR ? 500 : result.status >= 400 ? result.status : 400;
  return new ExportRefused(status, code, first.message);
}

/** The response as a table: headers and the header line with the first rows, then rows, honouring backpressure. */
class TableStream {
  started = false;
  closed = false;

  constructor(
    private readonly res: Response,
    private readonly format: TableFormat,
    private readonly table: string,
  ) {
    res.once("close", () => (this.closed = true));
  }

  async rows<Row>(columns: readonly Column<Row>[], rows: readonly Row[], json?: (row: Row) => unknown): Promise<void> {
    if (!this.started) this.start(columns);
    let chunk = "";
    for (const row of rows) chunk += this.format === "csv" ? csvRecord(columns, row) : jsonLine(columns, row, json);
    if (chunk && !this.res.write(chunk) && !this.closed) {
      await new Promise<void>((resolve) => {
        // Whichever comes first; the other listener goes, or a long export would pile up one per page.
        const done = () => {
          this.res.off("drain", done);
          this.res.off("close", done);
          resolve();
        };
        this.res.once("drain", done);
        this.res.once("close", done);
      });
    }
  }

  end(): void {
    if (!this.started) this.start([]);
    this.res.end();
  }

  private start(columns: readonly Column<never>[]): void {
    this.started = true;
    this.res.status(200).set({
      "content-type": CONTENT_TYPES[this.format],
      "content-disposition": `attachment; filename="${this.table}.${this.format}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (this.format === "csv" && columns.length) this.res.write(csvHeader(columns));
  }
}
