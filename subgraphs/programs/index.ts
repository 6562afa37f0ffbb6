/** The programs subgraph: programs and their parties, in PostgreSQL schema "programs"; links the other two. */
import { AuditEntry } from "../../shared/audit/audit-entry";
import { ExternalReference } from "../../shared/import/external-reference";
import { changeFeedResolver } from "../../shared/audit/change-feed";
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Activity } from "./entities/activity";
import { ContactStub, PersonStub, UNIT_STUBS } from "./types/institution-stubs";
import { Program } from "./entities/program";
import { ProgramDirection } from "./entities/program-direction";
import { ProgramApproval } from "./entities/program-approval";
import { ProgramParty } from "./entities/program-party";
import { ProgramVersion } from "./entities/program-version";
import { referenceResolvers } from "./entities/references";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { ActivityMutations } from "./resolvers/activity.mutations";
import { ActivityResolver } from "./resolvers/activity.resolver";
import { ProgramMutations } from "./resolvers/program.mutations";
import { ProgramApprovalMutations } from "./resolvers/program-approval.mutations";
import { ProgramApprovalResolver, ProgramVersionResolver, ProgramVersionsOfProgramResolver } from "./resolvers/program-versions.resolver";
// Modules evaluate in import order, and their @Query fields enter the schema in that order: programs before the network and statistics.
import { ProgramResolver } from "./resolvers/program.resolver";
import { PartnershipResolver, institutionProgramResolvers } from "./resolvers/institution-programs.resolver";
import { NetworkResolver } from "./resolvers/network.resolver";
import { NodeResolver } from "./resolvers/node.resolver";
import { ProgramStatsResolver } from "./resolvers/program-stats.resolver";
import { ProgramPartyResolver } from "./resolvers/program-party.resolver";
import { seed } from "./seed";
import { PROGRAM_CONFIDENTIAL_FIELDS, webhookHub } from "./webhook-events";
import { WebhookCursor, WebhookDelivery, WebhookSubscription } from "../../shared/webhooks/entities";
import { webhookResolvers } from "../../shared/webhooks/resolver";
import { importMutation } from "../../shared/import/import-mutation";
import { programImporter } from "./import/program-import";

/** The programs subgraph's change feed; budgets and internal notes are confidential. */
const programChanges = changeFeedResolver(
  "programChanges",
  "What changed in programs and their activities since an instant, oldest first, signatures and terminations included: for partner systems to sync incrementally. Needs a token.",
  PROGRAM_CONFIDENTIAL_FIELDS,
);

export const programs: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "programs",
  entities: [Program, ProgramParty, ProgramDirection, ProgramVersion, ProgramApproval, Activity, AuditEntry, WebhookSubscription, WebhookDelivery, WebhookCursor, ExternalReference],
  migrations,
  resolvers: [
    ProgramResolver,
    ProgramPartyResolver,
    ProgramVersionsOfProgramResolver,
    ProgramVersionResolver,
    ProgramApprovalResolver,
    ActivityResolver,
    NetworkResolver,
    ProgramStatsResolver,
    PartnershipResolver,
    ...institutionProgramResolvers,
    ProgramMutations,
    ProgramApprovalMutations,
    ActivityMutations,
    importMutation(programImporter),
    programChanges,
    ...webhookResolvers(webhookHub),
    NodeResolver,
  ],
  orphanedTypes: [...Object.values(UNIT_STUBS), ContactStub, PersonStub],
  referenceResolvers,
  webhooks: webhookHub,
  createLoaders,
  seed,
};
