import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { QueryDeepPartialEntity } from "typeorm";
import { createRecord, createRecords, givenFields, updateRecord, type CreateResult, type CreateSpec } from "../../../shared/audit/writes";
import { insertRows } from "../../../shared/database/insert-rows";
import { DatePrecision } from "../../../shared/domain/dates";
import { badUserInput, forbidden } from "../../../shared/graphql/errors";
import { normalize, validate } from "../../../shared/records/validation";
import { PartyRole, ProgramStatus } from "../entities/enums";
import { Program } from "../entities/program";
import { ProgramParty } from "../entities/program-party";
import { ProgramVersion } from "../entities/program-version";
import { ProgramDirection } from "../entities/program-direction";
import type { ProgramsContext } from "../context";
import { checkReferencesLocked, requireActiveInstitution } from "../checks/institution-references";
import { partiesOf, requireOpen, requirePartyEditor } from "../checks/program-lifecycle";
import { TERM_FIELDS, termsHash, termsOf, type ProgramTerms } from "../checks/program-terms";
import { pendingOf, proposeVersion, proposedVersion, storedVersions, voidPending } from "../checks/program-versions";
import { partyRules, programRules, terminationRules, type PartyInput, type ProgramInput } from "../fields";
import { ProgramCreateInput, ProgramDirectionInput, ProgramPartyInput, ProgramUpdateInput, TerminateProgramInput } from "./inputs";
import { directionRows, directionsOf, partyReferences, partyRows, plainParties, replaceDirections, replaceParties } from "./program-rows";

/** A program as the validation rules see it: its columns with its parties and directions. */
function asInput(program: Partial<Program>, parties: PartyInput[], directions: ProgramDirectionInput[] | null | undefined): ProgramInput {
  return { ...(program as ProgramInput), parties, directions };
}

/** The rules name the stored columns; a client sent `budget { amount currency }` and must read those names. */
const CLIENT_FIELDS: Record<string, string> = { budgetAmount: "budget.amount", budgetCurrency: "budget.currency" };

/** Parties as the rules mean them: ids in lower case (as PostgreSQL prints them), no unit as null. */
function normalizedParties(parties: ProgramPartyInput[]): PartyInput[] {
  return parties.map((p) => normalize({ ...p, unitId: p.unitId ?? null }, partyRules));
}

const requireSignatory = (parties: { role: PartyRole }[]) => {
  if (!parties.some((p) => p.role === PartyRole.SIGNATORY)) throw badUserInput("parties: at least one party must be a SIGNATORY", "parties");
};

/** The program columns that are terms, as a pending version holds them. */
const termColumns = (terms: ProgramTerms): Partial<Program> => ({
  kind: terms.kind,
  title: terms.title,
  startsOn: terms.startsOn,
  startsOnPrecision: terms.startsOnPrecision,
  endsOn: terms.endsOn,
  endsOnPrecision: terms.endsOnPrecision,
  termMonths: terms.termMonths,
  budgetAmount: terms.budget?.amount ?? null,
  budgetCurrency: terms.budget?.currency ?? null,
});

const proposer = (context: ProgramsContext) => (context.access.isAdmin ? null : (context.access.principal.institution?.id ?? null));

const WHO_MAY_DO_WHAT =
  "What one party may do alone: create a DRAFT naming others (each named institution approves before it takes effect), change what is not terms (description, framework, place of signing, fields of education, internal notes: at once), propose new terms (parties, roles, units, kind, title, dates, term, directions, budget), approve them for its own institution, add activities hosted by a party, and terminate. Every change of the terms is a new version that voids the approvals given and takes effect only once every SIGNATORY, and every institution whose part it adds, removes or changes, has approved its terms hash (approveProgram).";

/** A createProgram input as the rules see it: the program's columns, a DRAFT, with its parties and directions. */
function creationInput(input: ProgramCreateInput): ProgramInput {
  const { parties, directions, budget, fieldCodes, ...fields } = input;
  const program = { ...fields, status: ProgramStatus.DRAFT, fieldCodes: fieldCodes ?? [], budgetAmount: budget?.amount ?? null, budgetCurrency: budget?.currency ?? null };
  return asInput(program as Partial<Program>, (parties ?? []).map((p) => ({ ...p, unitId: p.unitId ?? null })), directions ?? []);
}

/** How programs are created (createProgram, and an import's rows many at a time). */
function programCreation(context: ProgramsContext): CreateSpec<Program, ProgramInput, Map<string, string>> {
  return {
    entity: Program,
    typeName: "Program",
    rules: programRules,
    clientNames: CLIENT_FIELDS,
    check: ({ parties }) => {
      if (!context.access.isAdmin) {
        const own = context.access.principal.institution?.id;
        if (context.access.principal.role !== "editor" || !parties.some((p) => p.institutionId === own)) {
          throw forbidden("An editor can create only programs their own institution is a party to.");
        }
      }
      requireSignatory(parties);
    },
    // Every party's institution and unit, locked against archival and confirmed by its owner: their countries.
    confirm: (manager, { parties }) => checkReferencesLocked(context, manager, partyReferences(parties)),
    values: ({ parties: _parties, directions: _directions, ...columns }) => columns as QueryDeepPartialEntity<Program>,
    institutionIds: ({ parties }) => [...new Set(parties.map((p) => p.institutionId))],
    alongside: async (manager, created) => {
      const parties = created.map((c) => partyRows(manager, c.id, c.input.parties, c.confirmed));
      const directions = created.map((c) => c.input.directions ?? []);
      await insertRows(manager, ProgramParty, parties.flat());
      await insertRows(manager, ProgramDirection, created.flatMap((c, i) => directionRows(c.id, directions[i])));
      // Its terms as version 1, awaiting every party's approval.
      await insertRows(manager, ProgramVersion, created.map((c, i) => proposedVersion(c.id, 1, termsOf(c.stored, parties[i], directions[i]), proposer(context))));
      return created.map((_c, i) => ({ parties: plainParties(parties[i]), directions: directions[i], proposedVersion: 1 }));
    },
  };
}

@Resolver(() => Program)
export class ProgramMutations {
  @Mutation(() => Program, {
    description: `Creates a program as a DRAFT, with its terms as version 1. An editor may create only programs their institution is a party to; at least one party must be a SIGNATORY. Every institution and unit is checked with the subgraph that owns it (archived ones are refused). It becomes ACTIVE once every institution it names has approved its terms. ${WHO_MAY_DO_WHAT}`,
  })
  createProgram(
    @Arg("input", () => ProgramCreateInput, { description: "The new program." }) input: ProgramCreateInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    return createRecord(context, { ...programCreation(context), input: creationInput(input) });
  }

  /** Many programs through createProgram's steps, each statement for all of them (an import's rows); a refused one is answered with its error. */
  createPrograms(inputs: ProgramCreateInput[], context: ProgramsContext): Promise<CreateResult<Program>[]> {
    return createRecords(context, programCreation(context), inputs.map(creationInput));
  }

  @Mutation(() => Program, {
    description: `Amends a program: its parties' editors and administrators, while it is a DRAFT or ACTIVE. Fields that are not terms change at once. A change of the terms is a new version that voids every approval given: in a DRAFT the program's fields show it at once; in an ACTIVE program it is proposed (\`pendingVersion\`) and the version in force stays in force, and is what the program's fields show, until every institution whose approval it needs has approved it. \`version\` must be the one you read (else CONFLICT). ${WHO_MAY_DO_WHAT}`,
  })
  updateProgram(
    @Arg("id", () => ID, { description: "The program's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => ProgramUpdateInput, { description: "What changes." }) input: ProgramUpdateInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    const given = givenFields(input);
    const { parties: partyInput, directions, budget, ...fields } = given;
    const changesTerms = TERM_FIELDS.some((field) => field in given);
    let before: ProgramParty[] = [];
    let after: ProgramParty[] = [];
    let proposal: ProgramVersion | null = null;
    return updateRecord(context, {
      entity: Program,
      typeName: "Program",
      id,
      version,
      authorize: async (row, manager) => {
        before = after = await partiesOf(manager, row.id);
        requirePartyEditor(context.access, before, "amend this program");
        requireOpen(row, "amend");
        await requireActiveInstitution(context, manager);
      },
      changes: async (row, manager) => {
        const columns: Partial<Program> = { ...(fields as Partial<Program>) };
        if (budget !== undefined) Object.assign(columns, { budgetAmount: budget?.amount ?? null, budgetCurrency: budget?.currency ?? null });
        const versions = await storedVersions(manager, row, before);
        const pending = pendingOf(versions);
        // The terms the amendment starts from: a DRAFT's rows, or an ACTIVE program's pending amendment (else the terms in force).
        const latest = row.status === ProgramStatus.ACTIVE && pending ? pending.terms : termsOf(row, before, await directionsOf(manager, row.id));
        const parties = partyInput ? normalizedParties(partyInput) : latest.parties.map((p) => ({ ...p, ...signatureOf(before, p.institutionId, p.role, p.unitId) }));
        const directionList = directions ?? latest.directions;
        const record = { ...row, ...termColumns(latest), ...columns };
        validate(asInput(record, parties as PartyInput[], directionList), programRules, "", CLIENT_FIELDS);
        if (partyInput) requireSignatory(parties);
        const terms = termsOf(record, parties, directionList);
        const termsChange = changesTerms && termsHash(terms) !== termsHash(latest);
        if (row.status === ProgramStatus.ACTIVE) {
          // Only what is not terms changes at once; the terms wait for every approval they need.
          for (const field of TERM_FIELDS) delete (columns as Record<string, unknown>)[field];
          delete columns.budgetAmount;
          delete columns.budgetCurrency;
          if (termsChange) {
            // In the order the client sent them: the canonical terms are sorted, and `parties[i]` must name what the client wrote.
            await checkReferencesLocked(context, manager, partyReferences(parties as PartyInput[]));
            proposal = await proposeVersion(manager, row.id, versions, terms, proposer(context));
          }
          return columns;
        }
        if (partyInput) after = await replaceParties(context, manager, row.id, parties as PartyInput[]);
        if (directions) await replaceDirections(manager, row.id, directions);
        if (termsChange) {
          proposal = await proposeVersion(manager, row.id, versions, terms, proposer(context));
          if (!partyInput) {
            // New terms: every approval given starts over.
            await manager.update(ProgramParty, { programId: row.id }, { signedOn: null });
            after = before.map((p) => Object.assign(new ProgramParty(), p, { signedOn: null }));
          }
        }
        return columns;
      },
      // Everyone the amendment concerns sees it in the feed, institutions it would add included.
      institutionIds: () => [...new Set([...before, ...after, ...((proposal as ProgramVersion | null)?.terms.parties ?? [])].map((p) => p.institutionId))],
      alongside: async () =>
        partyInput || proposal
          ? { before: { parties: plainParties(before) }, after: { parties: plainParties(after), ...(proposal ? { proposedVersion: (proposal as ProgramVersion).number } : {}) } }
          : undefined,
    });
  }

  @Mutation(() => Program, {
    description:
      "Ends a program early: TERMINATED, with its last day and the reason; any amendment awaiting approval becomes void. Any one party may do this alone (its parties' editors and administrators): the termination, its reason and who ended it are recorded and reach every party through `programChanges`.",
  })
  terminateProgram(
    @Arg("id", () => ID, { description: "The program's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => TerminateProgramInput, { description: "Last day and reason." }) input: TerminateProgramInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    let parties: ProgramParty[] = [];
    return updateRecord(context, {
      entity: Program,
      typeName: "Program",
      id,
      version,
      action: "TERMINATE",
      authorize: async (row, manager) => {
        parties = await partiesOf(manager, row.id);
        requirePartyEditor(context.access, parties, "terminate this program");
        requireOpen(row, "terminate");
        await requireActiveInstitution(context, manager);
      },
      changes: async (row, manager) => {
        validate({ ...input, startsOn: row.startsOn }, terminationRules, "input");
        await voidPending(manager, await storedVersions(manager, row, parties));
        return { status: ProgramStatus.TERMINATED, endsOn: input.endsOn, endsOnPrecision: DatePrecision.DAY, terminationReason: input.reason };
      },
      institutionIds: () => [...new Set(parties.map((p) => p.institutionId))],
    });
  }
}

/** Who signed for a party that stays as it was (its signature stays with it in the audit log). */
function signatureOf(parties: ProgramParty[], institutionId: string, role: PartyRole, unitId: string | null) {
  const party = parties.find((p) => p.institutionId === institutionId && p.role === role && (p.unitId ?? null) === unitId);
  return { signatoryName: party?.signatoryName ?? null, signatoryPosition: party?.signatoryPosition ?? null };
}
