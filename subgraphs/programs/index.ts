/** The programs subgraph: programs and their parties, in PostgreSQL schema "programs"; links the other two. */
import { AuditEntry } from "../../shared/audit/audit-entry";
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Activity } from "./entities/activity";
import { DepartmentStub, DivisionStub } from "./entities/institution-stubs";
import { Program } from "./entities/program";
import { ProgramDirection } from "./entities/program-direction";
import { ProgramParty } from "./entities/program-party";
import { referenceResolvers } from "./entities/references";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { ActivityResolver } from "./resolvers/activity.resolver";
import { PartnershipResolver, institutionProgramResolvers } from "./resolvers/institution-programs.resolver";
import { NetworkResolver } from "./resolvers/network.resolver";
import { ProgramPartyResolver } from "./resolvers/program-party.resolver";
import { ProgramResolver } from "./resolvers/program.resolver";
import { seed } from "./seed";

export const programs: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "programs",
  entities: [Program, ProgramParty, ProgramDirection, Activity, AuditEntry],
  migrations,
  resolvers: [ProgramResolver, ProgramPartyResolver, ActivityResolver, NetworkResolver, PartnershipResolver, ...institutionProgramResolvers],
  orphanedTypes: [DivisionStub, DepartmentStub],
  referenceResolvers,
  createLoaders,
  seed,
};
