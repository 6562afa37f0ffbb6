/**
 * For `npm start` on one machine: the secret that `npm run token` signs
 * local tokens with and the gateway verifies them with, made once and kept
 * beside the embedded PostgreSQL data (git-ignored), readable only by its owner.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function localSecretFile(pgDataDir: string): string {
  return path.join(path.dirname(pgDataDir), "auth-secret");
}

export function readOrCreateLocalSecret(pgDataDir: string): string {
  return readOrCreateSecretFile(localSecretFile(pgDataDir));
}

/** A random secret kept in `file` (mode 0600), made the first time it is asked for. */
export function readOrCreateSecretFile(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}
