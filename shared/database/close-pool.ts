/**
 * Closes a subgraph's database pool and waits until its connections are
 * really closed. node-postgres' Pool.end() (behind TypeORM's destroy())
 * calls back as soon as it has asked each idle client to end, before the
 * client has written its Terminate message; a process that exits right then
 * (shutdown) drops the connections unannounced. So: note the pool's
 * sockets, destroy, and wait for each to close (bounded, so a stuck socket
 * cannot hold shutdown; lifecycle.ts's 15 s still applies).
 */
import type { Socket } from "node:net";
import type { DataSource } from "typeorm";

const WAIT_MS = 2_000;

/** The sockets of the pool's clients: pg-pool keeps its clients in `_clients` (not public API, stable since pg-pool 2). */
function poolSockets(dataSource: DataSource): Socket[] {
  const pool = (dataSource.driver as unknown as { master?: { _clients?: { connection?: { stream?: Socket } }[] } }).master;
  return (pool?._clients ?? []).map((client) => client.connection?.stream).filter((stream): stream is Socket => stream !== undefined);
}

export async function closeDataSource(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) return;
  const closed = poolSockets(dataSource).map((socket) => (socket.destroyed ? Promise.resolve() : new Promise<void>((resolve) => socket.once("close", () => resolve()))));
  await dataSource.destroy();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(closed), new Promise<void>((resolve) => (timer = setTimeout(resolve, WAIT_MS)))]);
  clearTimeout(timer);
}
