/** The checked-in supergraph the gateway serves (written by `npm run compose`). */
import fs from "node:fs";

export class SupergraphMissingError extends Error {
  override name = "SupergraphMissingError";
}

export function readSupergraph(path: string): string {
  if (!fs.existsSync(path)) {
    throw new SupergraphMissingError(`${path} does not exist; run \`npm run compose\` to write it from the subgraphs.`);
  }
  return fs.readFileSync(path, "utf8");
}
