/**
 * `npm run compose`: writes what follows from the code, so nobody edits it by
 * hand: supergraph.graphql from the subgraphs (failing loudly on composition
 * errors), docker-compose.yml from the subgraph registry, and `.env.example`
 * and README's configuration table from the settings.
 */
import "reflect-metadata";
import fs from "node:fs";
import { readConfig } from "../shared/config";
import { CompositionError, composeSupergraph } from "../gateway/composition";
import { envExample, withConfigurationTable } from "../shared/deployment/configuration-table";
import { dockerCompose } from "../shared/deployment/docker-compose";

function write(file: string, text: string): void {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  fs.writeFileSync(file, text);
  console.log(previous === text ? `${file} is up to date.` : `wrote ${file}`);
}

const { supergraphPath } = readConfig();
try {
  write(supergraphPath, await composeSupergraph());
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
write("docker-compose.yml", dockerCompose());
write(".env.example", envExample());
write("README.md", withConfigurationTable(fs.readFileSync("README.md", "utf8")));
