/**
 * PostgreSQL refuses to run as root, so under root (containers, fresh VMs,
 * CI) the embedded server runs as the `postgres` user, created if missing.
 * That user must be able to reach both the binaries and the data folder, and
 * a checkout in root's home (mode 0700) lets it reach neither. Then the
 * binaries are copied once into /var/lib/partnergraph/postgres-<version>, and
 * the data folder moves to /var/lib/partnergraph/data-<hash of the configured
 * folder>/: a persistent place (not /tmp) so the data survives restarts and
 * reboots, and one per configured folder so two checkouts never share data.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RunAs } from "./postgres-server";

export const RELOCATION_ROOT = "/var/lib/partnergraph";
const SERVER_USER = "postgres";

export class ServerUserError extends Error {
  override name = "ServerUserError";
}

export interface ServerPlacement {
  /** undefined: PostgreSQL runs as the current user. */
  runAs?: RunAs;
  /** The folder with bin/, lib/ and share/ to run PostgreSQL from. */
  binaries: string;
  dataDir: string;
  /** Set when the binaries or data had to move because the server's user cannot reach them. */
  relocated?: { from: string; to: string; what: "binaries" | "data" }[];
}

export function placeServer(packagedBinaries: string, version: string, dataDir: string): ServerPlacement {
  if (process.getuid?.() !== 0) return { binaries: packagedBinaries, dataDir };
  const runAs = ensureServerUser();
  const relocated: NonNullable<ServerPlacement["relocated"]> = [];
  let binaries = packagedBinaries;
  if (!canEnter(path.join(packagedBinaries, "bin"), runAs)) {
    binaries = copyBinaries(packagedBinaries, path.join(RELOCATION_ROOT, `postgres-${version}`));
    relocated.push({ from: packagedBinaries, to: binaries, what: "binaries" });
  }
  let placedData = dataDir;
  if (!canEnter(nearestExisting(path.dirname(dataDir)), runAs)) {
    const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
    placedData = path.join(RELOCATION_ROOT, `data-${hash}`, path.basename(dataDir));
    relocated.push({ from: dataDir, to: placedData, what: "data" });
  }
  return { runAs, binaries, dataDir: placedData, relocated: relocated.length ? relocated : undefined };
}

/** A new data folder belongs to the server's user before initdb fills it (its parent may be root's). */
export function ownDataFolder(dataDir: string, user: RunAs): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chownSync(dataDir, user.uid, user.gid);
}

function ensureServerUser(): RunAs {
  const lookUp = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync("id", ["-u", SERVER_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
      const gid = Number(execFileSync("id", ["-g", SERVER_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookUp();
  if (existing) return existing;
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER], { stdio: "ignore" });
  } catch {
    // fall through to the check below
  }
  const created = lookUp();
  if (!created) {
    throw new ServerUserError(
      `PostgreSQL does not run as root and there is no "${SERVER_USER}" user to run it as (useradd failed); create one, run as another user, or set DATABASE_URL.`,
    );
  }
  return created;
}

/** Whether the user may traverse every folder down to `folder` (mode bits; ACLs are not consulted). */
function canEnter(folder: string, user: RunAs): boolean {
  let current = path.resolve(folder);
  for (;;) {
    const stat = fs.statSync(current);
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if (!(stat.mode & bit)) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function nearestExisting(folder: string): string {
  let current = path.resolve(folder);
  while (!fs.existsSync(current)) current = path.dirname(current);
  return current;
}

/** Copies bin/, lib/ and share/ once, through a staging folder renamed into place (never half a copy). */
function copyBinaries(from: string, to: string): string {
  if (fs.existsSync(path.join(to, "bin", "postgres"))) return to;
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(to), 0o755);
  const staging = fs.mkdtempSync(`${to}-copying-`);
  try {
    fs.cpSync(from, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    fs.chmodSync(staging, 0o755);
    fs.renameSync(staging, to);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(to, "bin", "postgres"))) {
      throw new ServerUserError(`Could not copy PostgreSQL's binaries to ${to} for the "${SERVER_USER}" user: ${(error as Error).message}`);
    }
  }
  return to;
}
