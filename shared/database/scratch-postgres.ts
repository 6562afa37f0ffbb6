/**
 * A throwaway PostgreSQL server in a temporary folder on a free port, for
 * tests and for generating migrations. Removed again by `stop()`.
 */
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ScratchPostgres extends RunningPostgres {
  dataDir: string;
  port: number;
  /** Stops the server but keeps its data, as an outage would (the fault tests). */
  halt(): Promise<void>;
  /** Starts it again after `halt()`, on the same port with the same data. */
  resume(): Promise<void>;
}

export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const parent = await fsp.mkdtemp(path.join(os.tmpdir(), "partnergraph-pg-"));
  // The server runs as the "postgres" user, which must be able to enter the folder.
  await fsp.chmod(parent, 0o755);
  const dataDir = path.join(parent, "data");
  const port = await freePort();
  const start = () => startEmbeddedPostgres({ dataDir, port, durable: false });
  let running: RunningPostgres | undefined = await start();
  const { url, adminUrl } = running;
  return {
    url,
    adminUrl,
    dataDir,
    port,
    async halt() {
      await running?.stop();
      running = undefined;
    },
    async resume() {
      running ??= await start();
    },
    async stop() {
      await running?.stop();
      running = undefined;
      await fsp.rm(parent, { recursive: true, force: true });
    },
  };
}
