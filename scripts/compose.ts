/** `npm run compose`: writes supergraph.graphql from the subgraphs; fails loudly on composition errors. */
import "reflect-metadata";
import fs from "node:fs";
import { readConfig } from "../shared/config";
import { CompositionError, composeSupergraph } from "../gateway/composition";

const { supergraphPath } = readConfig();
try {
  const sdl = await composeSupergraph();
  const previous = fs.existsSync(supergraphPath) ? fs.readFileSync(supergraphPath, "utf8") : "";
  fs.writeFileSync(supergraphPath, sdl);
  console.log(previous === sdl ? `${supergraphPath} is up to date.` : `wrote ${supergraphPath}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
