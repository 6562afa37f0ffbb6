import type { EntityManager } from "typeorm";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { randomUUID } from "node:crypto";
import { createRecord, givenFields, requireId, updateRecord } from "../../../shared/audit/writes";
import { DatePrecision } from "../../../shared/domain/dates";
import { badUserInput, forbidden } from "../../../shared/graphql/errors";
import { normalize, validate } from "../../../shared/records/validation";
import { PartyRole, ProgramStatus } from "../entities/enums";
import { Program } from "../entities/program";
import { ProgramDirection } from "../entities/program-direction";
import { ProgramParty } from "../entities/program-party";
import type { ProgramsContext } from "../context";
import { checkReferences } from "../checks/institution-references";
import { partyRules, programRules, signatureRules, terminationRules, type PartyInput, type ProgramInput } from "../validation";
import { ProgramCreateInput, ProgramDirectionInput, ProgramPartyInput, ProgramUpdateInput, SignProgramInput, TerminateProgramInput } from "./inputs";
import { activation, partiesOf, requireOpen, requirePartyEditor } from "../checks/program-lifecycle";

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

/** Replaces a program's parties (signatures start over) after asking the owning subgraphs about each. */
async function replaceParties(context: ProgramsContext, manager: EntityManager, programId: string, parties: PartyInput[]): Promise<ProgramParty[]> {
  const countries = await checkReferences(context, parties.map((p, i) => ({ ...p, field: `parties[${i}]` })));
  await manager.delete(ProgramParty, { programId });
  const rows = parties.map((p) =>
    manager.create(ProgramParty, {
      ...p,
      id: randomUUID(),
      programId,
      institutionCountryCode: countries.get(p.institutionId) ?? null,
      signedOn: null,
      version: 1,
    }),
  );
  if (rows.length) await manager.insert(ProgramParty, rows);
  return rows;
}

async function replaceDirections(manager: EntityManager, programId: string, directions: ProgramDirectionInput[]): Promise<void> {
  await manager.delete(ProgramDirection, { programId });
  if (directions.length) {
    await manager.insert(
      ProgramDirection,
      directions.map((d, position) => ({ id: randomUUID(), programId, direction: d.direction, description: d.description ?? null, position })),
    );
  }
}

const plainParties = (parties: ProgramParty[]) =>
  parties.map(({ institutionType, institutionId, unitId, role, signatoryName, signatoryPosition, signedOn }) => ({
    institutionType, institutionId, unitId, role, signatoryName, signatoryPosition, signedOn,
  }));

@Resolver(() => Program)
export class ProgramMutations {
  @Mutation(() => Program, {
    description: "Creates a program as a DRAFT. An editor may create only programs their institution is a party to; at least one party must be a SIGNATORY. Every institution and unit is checked with the subgraph that owns it.",
  })
  async createProgram(
    @Arg("input", () => ProgramCreateInput, { description: "The new program." }) input: ProgramCreateInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    const { parties: partyInput, directions, budget, fieldCodes, ...fields } = input;
    const program = { ...fields, status: ProgramStatus.DRAFT, fieldCodes: fieldCodes ?? [], budgetAmount: budget?.amount ?? null, budgetCurrency: budget?.currency ?? null };
    return createRecord(context, {
      entity: Program,
      typeName: "Program",
      input: asInput(program, (partyInput ?? []).map((p) => ({ ...p, unitId: p.unitId ?? null })), directions),
      rules: programRules,
      clientNames: CLIENT_FIELDS,
      check: ({ parties }) => {
        if (!context.access.isAdmin) {
          const own = context.access.principal.institution?.id;
          if (context.access.principal.role !== "editor" || !parties.some((p) => p.institutionId === own)) {
            throw forbidden("An editor can create only programs their own institution is a party to.");
          }
        }
        if (!parties.some((p) => p.role === PartyRole.SIGNATORY)) throw badUserInput("parties: at least one party must be a SIGNATORY", "parties");
      },
      values: () => program,
      institutionIds: ({ parties }) => [...new Set(parties.map((p) => p.institutionId))],
      alongside: async (manager, id, { parties }) => {
        const rows = await replaceParties(context, manager, id, parties);
        await replaceDirections(manager, id, directions ?? []);
        return { parties: plainParties(rows), directions: directions ?? [] };
      },
    });
  }

  @Mutation(() => Program, {
    description: "Amends a program: its parties' editors and administrators, while it is a DRAFT or ACTIVE. Parties can change only in a DRAFT (signatures then start over). `version` must be the one you read (else CONFLICT).",
  })
  updateProgram(
    @Arg("id", () => ID, { description: "The program's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => ProgramUpdateInput, { description: "What changes." }) input: ProgramUpdateInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    const { parties: partyInput, directions, budget, ...fields } = givenFields(input);
    let before: ProgramParty[] = [];
    let after: ProgramParty[] = [];
    return updateRecord(context, {
      entity: Program,
      typeName: "Program",
      id,
      version,
      authorize: async (row, manager) => {
        before = after = await partiesOf(manager, row.id);
        requirePartyEditor(context.access, before, "amend this program");
        requireOpen(row, "amend");
        if (partyInput && row.status !== ProgramStatus.DRAFT) throw badUserInput("parties can change only while the program is a DRAFT", "parties");
      },
      changes: async (row, manager) => {
        const changes: Partial<Program> = { ...(fields as Partial<Program>) };
        if (budget !== undefined) Object.assign(changes, { budgetAmount: budget?.amount ?? null, budgetCurrency: budget?.currency ?? null });
        const parties = partyInput ? normalizedParties(partyInput) : plainParties(before);
        validate(asInput({ ...row, ...changes }, parties as PartyInput[], directions), programRules, "", CLIENT_FIELDS);
        if (partyInput) {
          if (!parties.some((p) => p.role === PartyRole.SIGNATORY)) throw badUserInput("parties: at least one party must be a SIGNATORY", "parties");
          after = await replaceParties(context, manager, row.id, parties as PartyInput[]);
        }
        if (directions) await replaceDirections(manager, row.id, directions);
        return changes;
      },
      institutionIds: () => [...new Set([...before, ...after].map((p) => p.institutionId))],
      alongside: async () => (partyInput ? { before: { parties: plainParties(before) }, after: { parties: plainParties(after) } } : undefined),
    });
  }

  @Mutation(() => Program, {
    description: "Records a party's signature. An editor signs for their own institution, which must be a SIGNATORY party; administrators may sign for any (`input.institutionId`). When every signatory has signed, the program becomes ACTIVE.",
  })
  signProgram(
    @Arg("id", () => ID, { description: "The program's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => SignProgramInput, { description: "The signature." }) input: SignProgramInput,
    @Ctx() context: ProgramsContext,
  ): Promise<Program> {
    let before: ProgramParty[] = [];
    let after: ProgramParty[] = [];
    return updateRecord(context, {
      entity: Program,
      typeName: "Program",
      id,
      version,
      action: "SIGN",
      authorize: async (row, manager) => {
        before = await partiesOf(manager, row.id);
        requirePartyEditor(context.access, before, "sign this program");
      },
      changes: async (row, manager) => {
        if (row.status !== ProgramStatus.DRAFT) throw badUserInput(`only a DRAFT program is signed; this one is ${row.status}`, "id");
        const signer = context.access.isAdmin && input.institutionId ? requireId(input.institutionId, "institution", "input.institutionId") : context.access.principal.institution?.id;
        validate(input, signatureRules, "input");
        const signatories = before.filter((p) => p.role === PartyRole.SIGNATORY && p.institutionId === signer);
        if (signatories.length === 0) throw forbidden("Your institution is not a signatory of this program.");
        const signature = { signedOn: input.signedOn, signatoryName: input.signatoryName, signatoryPosition: input.signatoryPosition ?? null };
        for (const party of signatories) await manager.update(ProgramParty, { id: party.id }, { ...signature, version: party.version + 1 });
        // Copies: `before` stays as it was, for the audit log.
        after = before.map((p) => (signatories.includes(p) ? Object.assign(new ProgramParty(), p, signature, { version: p.version + 1 }) : p));
        return activation(row, after);
      },
      institutionIds: () => [...new Set(before.map((p) => p.institutionId))],
      alongside: async () => ({ before: { parties: plainParties(before) }, after: { parties: plainParties(after) } }),
    });
  }

  @Mutation(() => Program, { description: "Ends a program early: TERMINATED, with its last day and the reason. Its parties' editors and administrators." })
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
      },
      changes: (row) => {
        validate({ ...input, startsOn: row.startsOn }, terminationRules, "input");
        return { status: ProgramStatus.TERMINATED, endsOn: input.endsOn, endsOnPrecision: DatePrecision.DAY, terminationReason: input.reason };
      },
      institutionIds: () => [...new Set(parties.map((p) => p.institutionId))],
    });
  }
}
