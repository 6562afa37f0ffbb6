// Written by scripts/generate-migration.ts: every migration of this subgraph, oldest first.
import { Initial1795312867196 } from "./1795312867196-Initial";
import { CompleteDomain1795314402771 } from "./1795314402771-CompleteDomain";
import { Search1795314620856 } from "./1795314620856-Search";
import { AuditLog1795316174714 } from "./1795316174714-AuditLog";
import { TerminationReason1795316408068 } from "./1795316408068-TerminationReason";
import { ProgramVersions1796219938591 } from "./1796219938591-ProgramVersions";
import { ExternalReferences1796230197625 } from "./1796230197625-ExternalReferences";
import { ProgramSummaries1796230342665 } from "./1796230342665-ProgramSummaries";
import { Webhooks1796230403196 } from "./1796230403196-Webhooks";
import { NetworkScopes1796237000000 } from "./1796237000000-NetworkScopes";
import { FasterSummaryRebuild1796240000000 } from "./1796240000000-FasterSummaryRebuild";

export const migrations = [Initial1795312867196, CompleteDomain1795314402771, Search1795314620856, AuditLog1795316174714, TerminationReason1795316408068, ProgramVersions1796219938591, ExternalReferences1796230197625, ProgramSummaries1796230342665, Webhooks1796230403196, NetworkScopes1796237000000, FasterSummaryRebuild1796240000000];
