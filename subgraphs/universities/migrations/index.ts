// Written by scripts/generate-migration.ts: every migration of this subgraph, oldest first.
import { Initial1795312876835 } from "./1795312876835-Initial";

export const migrations = [Initial1795312876835];
