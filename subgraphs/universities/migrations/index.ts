// Written by scripts/generate-migration.ts: every migration of this subgraph, oldest first.
import { Initial1795312876835 } from "./1795312876835-Initial";
import { CompleteDomain1795314030746 } from "./1795314030746-CompleteDomain";
import { Search1795314626390 } from "./1795314626390-Search";
import { AuditLog1795316170992 } from "./1795316170992-AuditLog";
import { ExternalReferences1796230195257 } from "./1796230195257-ExternalReferences";
import { WebhookOutbox1796240000001 } from "./1796240000001-WebhookOutbox";

export const migrations = [Initial1795312876835, CompleteDomain1795314030746, Search1795314626390, AuditLog1795316170992, ExternalReferences1796230195257, WebhookOutbox1796240000001];
