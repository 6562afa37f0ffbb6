// Written by scripts/generate-migration.ts: every migration of this subgraph, oldest first.
import { Initial1795312871852 } from "./1795312871852-Initial";
import { CompleteDomain1795313945880 } from "./1795313945880-CompleteDomain";
import { Search1795314626389 } from "./1795314626389-Search";
import { AuditLog1795316167391 } from "./1795316167391-AuditLog";
import { ExternalReferences1796230193024 } from "./1796230193024-ExternalReferences";
import { WebhookOutbox1796240000000 } from "./1796240000000-WebhookOutbox";

export const migrations = [Initial1795312871852, CompleteDomain1795313945880, Search1795314626389, AuditLog1795316167391, ExternalReferences1796230193024, WebhookOutbox1796240000000];
