/**
 * What `npm run compose` writes from the code (the registry, the settings) is
 * what is committed: docker-compose.yml, .env.example and README's
 * configuration table. supergraph.graphql has its own check (composition).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { configurationTable, envExample, TABLE_END, TABLE_START } from "../shared/deployment/configuration-table";
import { dockerCompose } from "../shared/deployment/docker-compose";

const STALE = "(run `npm run compose` and commit what it writes when this fails)";

describe("files written from the code are up to date", () => {
  it(`docker-compose.yml ${STALE}`, () => {
    expect(fs.readFileSync("docker-compose.yml", "utf8")).toBe(dockerCompose());
  });

  it(`.env.example ${STALE}`, () => {
    expect(fs.readFileSync(".env.example", "utf8")).toBe(envExample());
  });

  it(`README's configuration table ${STALE}`, () => {
    const readme = fs.readFileSync("README.md", "utf8");
    expect(readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END) + TABLE_END.length)).toBe(configurationTable());
  });
});
