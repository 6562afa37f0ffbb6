/**
 * Example operations shown in GraphiQL: every `.graphql` file in
 * gateway/examples/, in file-name order. A file holds one named operation
 * after a comment block whose first line is its title and whose other lines
 * explain it. Variables get their values from the operation's defaults, so a
 * file runs as it stands and an analyst sees what to change.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, valueFromASTUntyped, type OperationDefinitionNode } from "graphql";
import type { ExampleOperation } from "./page-config";

export const EXAMPLES_DIR = fileURLToPath(new URL("../examples/", import.meta.url));

export class ExampleError extends Error {
  override name = "ExampleError";
}

export function loadExamples(dir: string = EXAMPLES_DIR): ExampleOperation[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => readExample(file, fs.readFileSync(path.join(dir, file), "utf8")));
}

export function readExample(file: string, query: string): ExampleOperation {
  const comments: string[] = [];
  for (const line of query.split("\n")) {
    if (!line.startsWith("#")) break;
    comments.push(line.replace(/^#\s?/, "").trimEnd());
  }
  const [title, ...rest] = comments;
  if (!title) throw new ExampleError(`${file}: start with a comment line giving the example's title.`);

  const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0].name) {
    throw new ExampleError(`${file}: hold exactly one named operation (it names the tab in GraphiQL).`);
  }
  const defaults: Record<string, unknown> = {};
  for (const variable of operations[0].variableDefinitions ?? []) {
    if (variable.defaultValue) defaults[variable.variable.name.value] = valueFromASTUntyped(variable.defaultValue);
  }
  return {
    file,
    title,
    description: rest
      .join("\n")
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
      .filter(Boolean)
      .join("\n\n"),
    query,
    variables: Object.keys(defaults).length ? JSON.stringify(defaults, null, 2) : "",
  };
}
