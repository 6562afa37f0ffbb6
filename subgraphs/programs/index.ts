/** The programs subgraph: programs and their parties, in PostgreSQL schema "programs"; links the other two. */
import { AuditEntry } from "../../shared/audit/audit-entry";
import { changeFeedResolver } from "../../shared/audit/change-feed";
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Activity } from "./entities/activity";
import { UNIT_STUBS } from "./entities/institution-stubs";
import { Program } from "./entities/program";
import { ProgramDirection } from "./entities/program-direction";
import { ProgramParty } from "./entities/program-party";
import { referenceResolvers } from "./entities/references";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { ActivityMutations } from "./resolvers/activity.mutations";
import { ActivityResolver } from "./resolvers/activity.resolver";
import { ProgramMutations } from "./resolvers/program.mutations";
import { PartnershipResolver, institutionProgramResolvers } from "./resolvers/institution-programs.resolver";
import { NetworkResolver } from "./resolvers/network.resolver";
import { ProgramStatsResolver } from "./resolvers/program-stats.resolver";
import { ProgramPartyResolver } from "./resolvers/program-party.resolver";
import { ProgramResolver } from "./resolvers/program.resolver";
import { seed } from "./seed";

/** The programs subgraph's change feed; budgets and internal notes are confidential. */
const programChanges = changeFeedResolver(
  "programChanges",
  "What changed in programs and their activities since an instant, oldest first, signatures and terminations included: for partner systems to sync incrementally. Needs a token.",
  { Program: ["budgetAmount", "budgetCurrency", "internalNotes"] },
);

export const programs: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "programs",
  entities: [Program, ProgramParty, ProgramDirection, Activity, AuditEntry],
  migrations,
  resolvers: [
    ProgramResolver,
    ProgramPartyResolver,
    ActivityResolver,
    NetworkResolver,
    ProgramStatsResolver,
    PartnershipResolver,
    ...institutionProgramResolvers,
    ProgramMutations,
    ActivityMutations,
    programChanges,
  ],
  orphanedTypes: Object.values(UNIT_STUBS),
  referenceResolvers,
  createLoaders,
  seed,
};
