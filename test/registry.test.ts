/**
 * The subgraph registry against the code it describes: the start order it
 * derives, and that each entry's folder, entity types and party kind are what
 * the subgraph really serves.
 */
import { describe, expect, it } from "vitest";
import { PARTY_SUBGRAPHS, SUBGRAPH_NAMES, SUBGRAPH_REGISTRY, keyedEntityTypes, startOrder, type SubgraphEntry } from "../shared/subgraph/registry";
import { subgraphs } from "../subgraphs";
import { ownEntityReferences } from "../shared/subgraph/schema";

const entry = (name: string, dependsOn: string[] = []): SubgraphEntry => ({ name, envPrefix: name.toUpperCase(), defaultPort: 1, dependsOn, entityTypes: [] });

describe("the start order", () => {
  it("starts every subgraph after the ones it depends on, whatever the order of the list", () => {
    const order = startOrder();
    for (const { name, dependsOn } of SUBGRAPH_REGISTRY) {
      for (const dependency of dependsOn) expect(order.indexOf(dependency), `${dependency} before ${name}`).toBeLessThan(order.indexOf(name));
    }
    expect([...order].sort()).toEqual([...SUBGRAPH_NAMES].sort());
    expect(startOrder([entry("c", ["b"]), entry("b", ["a"]), entry("a")])).toEqual(["a", "b", "c"]);
  });

  it("refuses a cycle and a dependency on a subgraph that does not exist", () => {
    expect(() => startOrder([entry("a", ["b"]), entry("b", ["a"])])).toThrow(/cycle: a → b → a/);
    expect(() => startOrder([entry("a", ["nowhere"])])).toThrow(/a depends on nowhere/);
  });
});

describe.each(SUBGRAPH_NAMES)("the %s entry", (name) => {
  it("names the folder whose definition has that name", () => {
    expect(subgraphs[name].name).toBe(name);
  });

  it("lists the entity types the subgraph resolves by key, no more and no fewer", () => {
    expect(Object.keys({ ...ownEntityReferences(subgraphs[name]), ...subgraphs[name].referenceResolvers }).sort()).toEqual(keyedEntityTypes(name).sort());
  });
});

describe("party kinds", () => {
  it("name institution and unit types their subgraph owns, and each kind once", () => {
    for (const { entityTypes, partyKind } of PARTY_SUBGRAPHS) {
      expect(entityTypes).toContain(partyKind.institution.type);
      expect(entityTypes).toContain(partyKind.unit.type);
    }
    const kinds = PARTY_SUBGRAPHS.map((entry) => entry.partyKind.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
