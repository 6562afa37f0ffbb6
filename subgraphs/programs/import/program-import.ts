/**
 * A programs import file's rows as createProgram and updateProgram inputs:
 * the rows go through those very mutations (their validation, access rules,
 * approvals and audit entries) inside the import's transaction.
 */
import type { ImportRecord } from "../../../shared/import/read-table";
import { datedCell, integerCell, listCell } from "../../../shared/import/layout";
import { RowProblems, type ComparedValues, type ImportSession, type RecordImporter } from "../../../shared/import/run-import";
import type { ProgramsContext } from "../context";
import type { CooperationDirection, InstitutionType, PartyRole, ProgramKind } from "../entities/enums";
import { Program } from "../entities/program";
import { institutionKind } from "../entities/institution-kinds";
import { In } from "typeorm";
import { groupBy } from "../../../shared/graphql/dataloaders";
import { ProgramParty } from "../entities/program-party";
import { ProgramDirection } from "../entities/program-direction";
import { ProgramMutations } from "../resolvers/program.mutations";
import type { ProgramCreateInput, ProgramUpdateInput } from "../resolvers/inputs";
import { DeferredSummaries } from "./deferred-summaries";
import { PartyDirectory } from "./party-directory";
import { MAX_PARTIES, PARTY_COLUMNS, programLayout } from "./program-layout";

interface ProgramPlan {
  input: ProgramCreateInput;
  /** The cells the row gives, by column: an empty cell leaves a stored value as it is. */
  given: Set<string>;
  /** parties[i] of the input came from the column party{partyColumns[i]}. */
  partyColumns: number[];
}

const mutations = new ProgramMutations();
const directories = new WeakMap<object, PartyDirectory>();
const directoryOf = (session: ImportSession<ProgramsContext>) => {
  if (!directories.has(session)) directories.set(session, new PartyDirectory(session.context));
  return directories.get(session)!;
};
const summaries = new WeakMap<object, DeferredSummaries>();
const summariesOf = (session: ImportSession<ProgramsContext>) => {
  if (!summaries.has(session)) summaries.set(session, new DeferredSummaries(session.manager));
  return summaries.get(session)!;
};

type PartyValues = { institutionType: string; institutionId: string; unitId: string | null; role: string; signatoryName: string | null; signatoryPosition: string | null };
/** Parties compared as a set: the stored ones come in another order than the file's. */
const comparableParties = (parties: PartyValues[]) =>
  parties
    .map((p) => ({ institutionType: p.institutionType, institutionId: p.institutionId, unitId: p.unitId ?? null, role: p.role, signatoryName: p.signatoryName ?? null, signatoryPosition: p.signatoryPosition ?? null }))
    .sort((a, b) => `${a.institutionId}:${a.role}:${a.unitId}`.localeCompare(`${b.institutionId}:${b.role}:${b.unitId}`));
/** `150000` and `150000.00` are the same amount; anything else is compared as written (and refused by the rules). */
const comparableAmount = (amount: string | null | undefined) => (amount && /^\d+(\.\d{1,2})?$/.test(amount) ? Number(amount).toFixed(2) : (amount ?? null));

/** The values a row compares, by the column (or group of columns) that gives them; `budget` and `parties` are groups. */
const SIMPLE = ["slug", "title", "kind", "description", "framework", "signedPlace", "startsOn", "startsOnPrecision", "endsOn", "endsOnPrecision", "termMonths", "fieldCodes", "internalNotes"] as const;

function valuesOf(program: Record<string, unknown>, parties: PartyValues[], directions: string[]): ComparedValues {
  return {
    ...Object.fromEntries(SIMPLE.map((key) => [key, program[key] ?? null])),
    budget: program.budgetAmount == null && program.budgetCurrency == null ? null : { amount: comparableAmount(program.budgetAmount as string), currency: program.budgetCurrency ?? null },
    parties: comparableParties(parties),
    directions: [...directions].sort(),
  };
}

export const programImporter: RecordImporter<ProgramsContext, ProgramPlan> = {
  layout: programLayout,
  uniqueColumns: ["slug"],

  authorize(session) {
    session.context.access.requireEdit(session.institutionId, "import programs for this institution");
  },

  begin(session) {
    return summariesOf(session).defer();
  },

  beforeCommit(session) {
    return summariesOf(session).refresh();
  },

  async plan(record: ImportRecord, session) {
    const cells = record.cells;
    const directory = directoryOf(session);
    const problems: ConstructorParameters<typeof RowProblems>[0] = [];
    const parties: ProgramCreateInput["parties"] = [];
    const partyColumns: number[] = [];
    for (let n = 1; n <= MAX_PARTIES; n++) {
      const named = cells[`party${n}`];
      if (named === undefined) {
        const stray = PARTY_COLUMNS.slice(1).find((suffix) => cells[`party${n}${suffix}`] !== undefined);
        if (stray) problems.push({ column: `party${n}`, message: `party${n}: is required with party${n}${stray} (the institution taking part)` });
        continue;
      }
      const found = await directory.find(named);
      if ("problem" in found) {
        problems.push({ column: `party${n}`, field: `parties[${parties.length}].institutionId`, message: `party${n}: ${found.problem}` });
        continue;
      }
      const { institutionType, id } = found.entry;
      let unitId: string | null = null;
      const unit = cells[`party${n}Unit`];
      if (unit !== undefined) {
        unitId = await directory.unitId(institutionType, unit);
        const noun = institutionKind(institutionType).unit.noun;
        if (!unitId) problems.push({ column: `party${n}Unit`, field: `parties[${parties.length}].unitId`, message: `party${n}Unit: no ${noun} has the id or slug ${JSON.stringify(unit)}` });
      }
      parties.push({
        institutionType: institutionType as InstitutionType,
        institutionId: id,
        unitId,
        role: cells[`party${n}Role`] as PartyRole,
        signatoryName: cells[`party${n}SignatoryName`] ?? null,
        signatoryPosition: cells[`party${n}SignatoryPosition`] ?? null,
      });
      partyColumns.push(n);
    }
    if (problems.length) throw new RowProblems(problems);
    const starts = datedCell(cells.startsOn, cells.startsOnPrecision);
    const ends = datedCell(cells.endsOn, cells.endsOnPrecision);
    const budgetGiven = cells.budgetAmount !== undefined || cells.budgetCurrency !== undefined;
    const input = {
      slug: cells.slug,
      title: cells.title,
      kind: cells.kind as ProgramKind,
      description: cells.description ?? null,
      framework: cells.framework ?? null,
      signedPlace: cells.signedPlace ?? null,
      startsOn: starts.date,
      startsOnPrecision: starts.precision,
      endsOn: ends.date,
      endsOnPrecision: ends.precision,
      termMonths: integerCell(cells.termMonths) ?? null,
      fieldCodes: listCell(cells.fieldCodes) ?? [],
      budget: budgetGiven ? { amount: cells.budgetAmount!, currency: cells.budgetCurrency! } : null,
      internalNotes: cells.internalNotes ?? null,
      parties,
      directions: (listCell(cells.directions) ?? []).map((direction) => ({ direction: direction as CooperationDirection, description: null })),
    } as unknown as ProgramCreateInput;
    const given = new Set(Object.keys(cells).map((column) => (column.startsWith("budget") ? "budget" : column.startsWith("party") ? "parties" : column)));
    return { input, given, partyColumns };
  },

  values(plan) {
    const input = plan.input as unknown as Record<string, unknown> & ProgramCreateInput;
    const all = valuesOf(
      { ...input, budgetAmount: input.budget?.amount ?? null, budgetCurrency: input.budget?.currency ?? null },
      input.parties as PartyValues[],
      (input.directions ?? []).map((d) => d.direction),
    );
    return Object.fromEntries(Object.entries(all).filter(([key]) => plan.given.has(key)));
  },

  async stored(session, ids) {
    const programs = await session.manager.findBy(Program, { id: In(ids) });
    const parties = await session.manager.findBy(ProgramParty, { programId: In(ids) });
    const directions = await session.manager.find(ProgramDirection, { where: { programId: In(ids) }, order: { position: "ASC" } });
    const partiesOf = groupBy(parties, (p) => p.programId, ids);
    const directionsOf = groupBy(directions, (d) => d.programId, ids);
    const index = new Map(ids.map((id, i) => [id, i]));
    return new Map(
      programs.map((program) => {
        const i = index.get(program.id)!;
        return [program.id, { version: program.version, values: valuesOf(program as unknown as Record<string, unknown>, partiesOf[i], directionsOf[i].map((d) => d.direction)) }];
      }),
    );
  },

  async create(session, plan) {
    const { id } = await mutations.createProgram(plan.input, session.context);
    summariesOf(session).wrote(id);
    return id;
  },

  async createMany(session, plans) {
    const results = await mutations.createPrograms(plans.map((plan) => plan.input), session.context);
    return results.map((result) => {
      if (!("record" in result)) return result;
      summariesOf(session).wrote(result.record.id);
      return { id: result.record.id };
    });
  },

  async update(session, id, version, changed, plan) {
    if (changed.includes("slug")) throw new RowProblems([{ column: "slug", message: "slug: is fixed once created; give the program's own slug, or a new externalRef for a new program" }]);
    const input = plan.input as unknown as Record<string, unknown>;
    const amendment: Record<string, unknown> = {};
    for (const key of changed) amendment[key] = input[key];
    // A date and its precision are checked together.
    for (const date of ["startsOn", "endsOn"]) if (changed.includes(date) || changed.includes(`${date}Precision`)) Object.assign(amendment, { [date]: input[date], [`${date}Precision`]: input[`${date}Precision`] });
    await mutations.updateProgram(id, version, amendment as ProgramUpdateInput, session.context);
    summariesOf(session).wrote(id);
  },

  columnOf(field, plan) {
    const party = /^(?:input\.)?parties\[(\d+)\](?:\.(\w+))?/.exec(field);
    if (party) {
      const n = plan?.partyColumns[Number(party[1])] ?? Number(party[1]) + 1;
      const suffix = { unitId: "Unit", role: "Role", signatoryName: "SignatoryName", signatoryPosition: "SignatoryPosition" }[party[2] ?? ""] ?? "";
      return `party${n}${suffix}`;
    }
    if (field === "parties") return "party1";
    if (/^budget(\.amount|Amount)$/.test(field)) return "budgetAmount";
    if (/^budget(\.currency|Currency)$/.test(field)) return "budgetCurrency";
    const list = /^(directions|fieldCodes)\[/.exec(field);
    if (list) return list[1];
    return null;
  },
};
