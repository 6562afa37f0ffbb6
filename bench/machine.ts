/** Where a benchmark ran, for the results file: figures mean little without it. */
import { execFileSync } from "node:child_process";
import os from "node:os";

export function machineDescription(): string {
  const cpus = os.cpus();
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(0);
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${memoryGiB} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The date as `date` prints it (local time zone), and the day for a title. */
export function runDate(): string {
  try {
    return execFileSync("date", { encoding: "utf8" }).trim();
  } catch {
    return new Date().toString();
  }
}

/** The commit measured, with a mark when the working tree has uncommitted changes (results of other benchmarks aside). */
export function codeVersion(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/results"], { encoding: "utf8" }).trim() !== "";
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return "unknown (not a git checkout)";
  }
}
