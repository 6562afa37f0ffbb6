/**
 * The dashboard's operations: every `.graphql` file in operations/, written
 * like the GraphiQL examples (a comment block, then one named operation).
 * They are the only documents the persisted-document GET accepts, each by
 * `sha256:<hex of the file>`, so a Grafana panel or a spreadsheet needs only
 * a URL, and the dashboard page and the exports run exactly these.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readExample } from "../graphiql/examples";
import type { ExampleOperation } from "../graphiql/page-config";

export const OPERATIONS_DIR = fileURLToPath(new URL("./operations/", import.meta.url));

export interface DashboardOperation extends ExampleOperation {
  /** The operation's name, e.g. `DashboardNetwork`. */
  name: string;
  /** `sha256:` and the SHA-256 of the file in hex: its persisted-document id. */
  id: string;
}

export type DashboardOperations = Map<string, DashboardOperation>;

/** By operation name; read once per gateway (the files ship with the code). */
export function loadDashboardOperations(dir: string = OPERATIONS_DIR): DashboardOperations {
  const operations: DashboardOperations = new Map();
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".graphql")).sort()) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const example = readExample(file, text);
    const name = /^\s*query\s+(\w+)/m.exec(text)?.[1];
    if (!name) throw new Error(`${file}: a dashboard operation is a named query`);
    operations.set(name, { ...example, name, id: persistedId(text) });
  }
  return operations;
}

export function persistedId(document: string): string {
  return `sha256:${createHash("sha256").update(document).digest("hex")}`;
}

/** The operation a persisted-document id names, or undefined. */
export function operationById(operations: DashboardOperations, id: string): DashboardOperation | undefined {
  const wanted = id.toLowerCase();
  for (const operation of operations.values()) if (operation.id === wanted) return operation;
  return undefined;
}

/** An operation the code relies on; a missing file is a programming error, not a client's. */
export function requireOperation(operations: DashboardOperations, name: string): DashboardOperation {
  const operation = operations.get(name);
  if (!operation) throw new Error(`gateway/dashboard/operations/ has no operation ${name}`);
  return operation;
}
