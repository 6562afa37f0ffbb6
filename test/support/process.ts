/** Runs a real entry point (`node --import tsx scripts/...`) as its own process, the way `npm start` does. */
import { spawn, type ChildProcess } from "node:child_process";

/**
 * Node with tsx's loader, as one process: the tsx command would put a relay
 * process in between whose signal handshake (a few tens of milliseconds) fails
 * under load and reports a clean shutdown as "killed by SIGTERM" (143).
 */
const NODE_WITH_TSX = [process.execPath, "--import", "tsx"] as const;

export interface ServiceProcess {
  child: ChildProcess;
  output(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Sends the signal to the whole process group and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

export function startProcess(script: string, args: string[], env: Record<string, string>): ServiceProcess {
  const child = spawn(NODE_WITH_TSX[0], [...NODE_WITH_TSX.slice(1), script, ...args], {
    // As a user runs it: not NODE_ENV=test (vitest's), which changes how libraries behave (Apollo's signal handlers).
    env: { ...process.env, NODE_ENV: "", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group, so a signal reaches node and PostgreSQL as Ctrl-C would.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async waitFor(text, timeoutMs = 60_000) {
      const started = Date.now();
      const found = () => (typeof text === "string" ? output.includes(text) : text.test(output));
      while (!found()) {
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before printing ${text}:\n${output}`);
        if (Date.now() - started > timeoutMs) throw new Error(`no ${text} within ${timeoutMs} ms:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = "SIGINT") {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      }
      return exited;
    },
  };
}
