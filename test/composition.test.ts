/** The supergraph is composed from the subgraphs and checked in like a lockfile. */
import fs from "node:fs";
import { buildASTSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { readConfig } from "../shared/config";
import { CompositionError, composeOrThrow, composeSupergraph, subgraphSdl } from "../gateway/composition";

describe("composition", () => {
  it("composes the three subgraphs without errors", async () => {
    const sdl = await composeSupergraph();
    for (const name of ["ENTERPRISES", "UNIVERSITIES", "PROGRAMS"]) expect(sdl).toContain(`${name} @join__graph(name: "${name.toLowerCase()}"`);
  });

  it("supergraph.graphql is up to date (run `npm run compose` and commit it when this fails)", async () => {
    const checkedIn = fs.readFileSync(readConfig({}).supergraphPath, "utf8");
    expect(checkedIn).toBe(await composeSupergraph());
  });

  it("keeps the public API names dashboards and partner systems depend on", async () => {
    const schema = buildASTSchema(parse(await composeSupergraph()), { assumeValidSDL: true });
    const signatures = Object.values(schema.getQueryType()!.getFields()).map(
      (f) => `${f.name}(${f.args.map((a) => `${a.name}: ${a.type}`).join(", ")}): ${f.type}`,
    );
    for (const field of [
      "enterprise(id: ID, slug: String): Enterprise",
      "enterprises(filter: EnterpriseFilter, first: Int, after: String): EnterpriseConnection!",
      "university(id: ID, slug: String): University",
      "universities(filter: UniversityFilter, first: Int, after: String): UniversityConnection!",
      "program(id: ID, slug: String): Program",
      "programs(filter: ProgramFilter, first: Int, after: String): ProgramConnection!",
    ]) {
      expect(signatures).toContain(field);
    }
  });

  it("fails loudly, naming the problem, when subgraphs do not compose", async () => {
    const programs = await subgraphSdl("programs");
    // A second subgraph claiming Program.title with another type cannot compose.
    const clash = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Program @key(fields: "id") { id: ID! title: Int }
      type Query { clash: Program }`;
    expect(() =>
      composeOrThrow([
        { name: "programs", url: "http://localhost:1/graphql", typeDefs: parse(programs) },
        { name: "clash", url: "http://localhost:2/graphql", typeDefs: parse(clash) },
      ]),
    ).toThrowError(CompositionError);
  });
});
