/**
 * The accepted side of hostile text: SQL, markup, right-to-left and emoji
 * text is legitimate in free-text fields. Each mutation gets it in all its
 * free-text fields at once; the answer must hold it unchanged, and search
 * must find the records by it without treating it as a pattern.
 */
import { getNamedType, isObjectType, type GraphQLNamedType } from "graphql";
import { expect } from "vitest";
import { baselineArgs, withValue } from "./baselines";
import type { SuiteContext } from "./cases";
import { kindOf, TEXTS } from "./hostile-values";
import { postJson } from "./reply";
import { documentFor, pathText, type InputLeaf, type RootField } from "./schema-inputs";

export const READ_BACK_TEXTS = Object.entries(TEXTS).map(([label, text]) => ({ label, text }));

/** Where an input field shows in the mutation's answer when its name differs there. */
const READ_BACK_PATHS: Record<string, string[]> = {
  "terminateProgram.input.reason": ["terminationReason"],
  "signProgram.input.signatoryName": ["parties", "signatoryName"],
  "signProgram.input.signatoryPosition": ["parties", "signatoryPosition"],
  "approveProgram.input.signatoryName": ["parties", "signatoryName"],
  "approveProgram.input.signatoryPosition": ["parties", "signatoryPosition"],
};

/** Mutations that end a record's life act on a fresh record each time. */
const FRESH_RECORD: Record<string, string> = {
  terminateProgram: `mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`,
  // An institution approves a version once: each text is approved on a program of its own, by the hash of its terms.
  approveProgram: `mutation($input: ProgramInput!) { createProgram(input: $input) { id version pendingVersion { termsHash } } }`,
};

/** Mutations acting on the same record, which must take turns (each needs the version the last one left). */
const SAME_RECORD = [["updateProgram", "signProgram", "addActivity"]];

/** Records the creates made with the current text, for the searches. */
const created = new Map<string, string>();

function readBackPath(root: RootField, leaf: InputLeaf, returnType: GraphQLNamedType): string[] {
  const named = READ_BACK_PATHS[`${root.name}.${pathText(leaf.path)}`];
  if (named) return named;
  const path = leaf.path.slice(1).filter((part): part is string => typeof part === "string");
  let type: GraphQLNamedType = returnType;
  for (const part of path) {
    const field = isObjectType(type) ? type.getFields()[part] : undefined;
    if (!field) throw new Error(`Say in READ_BACK_PATHS (test/support/hostile/written-text.ts) where ${root.name}(${pathText(leaf.path)}) shows in its answer.`);
    type = getNamedType(field.type);
  }
  return path;
}

const selectionOf = (paths: string[][]) => paths.map((path) => path.reduceRight((inner, part) => `${part}${inner ? ` { ${inner} }` : ""}`, "")).join(" ");

/** Every value at `path` below `value`, through lists. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  return value && typeof value === "object" ? valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1)) : [];
}

export interface WrittenTextCase {
  name: string;
  run(context: SuiteContext, text: string): Promise<void>;
}

export function readBackCases(roots: RootField[], leaves: InputLeaf[]): WrittenTextCase[] {
  return roots
    .filter((root) => root.operation === "mutation")
    .map((root) => ({ root, freeText: leaves.filter((leaf) => leaf.root === root && kindOf(leaf) === "free text") }))
    .filter(({ freeText }) => freeText.length > 0)
    .map(({ root, freeText }) => ({
      name: root.name,
      async run(context, text) {
        const { fixture } = context;
        const returnType = getNamedType(root.returnType);
        const paths = freeText.map((leaf) => readBackPath(root, leaf, returnType));
        let args = baselineArgs(root, fixture);
        if (FRESH_RECORD[root.name]) {
          const fresh = Object.values((await postJson(context.gatewayUrl, { query: FRESH_RECORD[root.name], variables: baselineArgs({ ...root, name: "createProgram", operation: "mutation" }, fixture) }, context.admin)).body!.data!)[0] as { id: string; version: number; pendingVersion?: { termsHash: string } };
          args = { ...args, id: fresh.id, ...("version" in args ? { version: fresh.version } : {}), ...(fresh.pendingVersion ? { termsHash: fresh.pendingVersion.termsHash } : {}) };
        }
        for (const leaf of freeText) args = withValue(args, leaf.path, leaf.containers, text, fixture);
        const reply = await postJson(context.gatewayUrl, { query: documentFor({ ...root, selection: `{ id version ${selectionOf(paths)} }` }), variables: args }, context.admin);
        expect(reply.body?.errors, reply.text.slice(0, 500)).toBeUndefined();
        const record = reply.body!.data![root.name] as { id: string; version: number };
        fixture.versions.set(record.id, record.version);
        if (root.name.startsWith("create")) created.set(root.name.slice("create".length), record.id);
        for (const [i, path] of paths.entries()) {
          expect(valuesAt(record, path), `${root.name}(${pathText(freeText[i].path)})`).toContain(text);
        }
      },
    }));
}

/** Each searchable list, searched by the text its newest record was created with. */
const SEARCHES: [string, string][] = [
  ["Enterprise", "enterprises"],
  ["University", "universities"],
  ["Program", "programs"],
];

export function searchCases(): WrittenTextCase[] {
  return SEARCHES.map(([typeName, list]) => ({
    name: `${list}(filter: { text })`,
    async run(context, text) {
      const query = `query($text: String) { all: ${list} { totalCount } found: ${list}(filter: { text: $text }, first: 1000) { totalCount nodes { id } } }`;
      const reply = await postJson(context.gatewayUrl, { query, variables: { text } }, context.admin);
      expect(reply.body?.errors, reply.text.slice(0, 500)).toBeUndefined();
      const { all, found } = reply.body!.data! as { all: { totalCount: number }; found: { totalCount: number; nodes: { id: string }[] } };
      expect(found.nodes.map((node) => node.id)).toContain(created.get(typeName));
      // The text is looked for as it is: `%`, `_` and SQL do not widen the search to everything.
      expect(found.totalCount).toBeLessThan(all.totalCount);
    },
  }));
}

/** Runs `cases` at once, except those acting on the same record, which take turns; lists every failure. */
export async function runAll(cases: WrittenTextCase[], context: SuiteContext, text: string): Promise<void> {
  const chained = new Set(SAME_RECORD.flat());
  const groups = [...SAME_RECORD.map((names) => cases.filter((c) => names.includes(c.name))), ...cases.filter((c) => !chained.has(c.name)).map((c) => [c])];
  const failures: string[] = [];
  await Promise.all(
    groups.map(async (group) => {
      for (const written of group) {
        try {
          await written.run(context, text);
        } catch (error) {
          failures.push(`${written.name}: ${(error as Error).message}`);
        }
      }
    }),
  );
  expect(failures).toEqual([]);
}
