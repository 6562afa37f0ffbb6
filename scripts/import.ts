/**
 * `npm run import -- FILE --type <programs|divisions|contacts|departments|people> [--apply] [--institution <slug|id>] [--token <jwt>] [--gateway <url>] [--json]`
 *
 * Sends an import file (CSV, XLSX or JSON, by its extension or --format) to
 * the running gateway's POST /import/<type> with a bearer token (--token or
 * PARTNERGRAPH_TOKEN; `npm run -s token -- --institution ammc --role editor`
 * makes one), streamed from disk. A dry run unless --apply: prints what each
 * row would do and every problem by row and column. Exits 0 when the file
 * has no problem, 1 when it has (nothing stored), 2 when it could not be sent.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { readConfig, readImportToken } from "../shared/config";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    type: { type: "string" },
    apply: { type: "boolean", default: false },
    institution: { type: "string" },
    token: { type: "string" },
    gateway: { type: "string" },
    format: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const MEDIA_TYPES: Record<string, string> = {
  csv: "text/csv",
  json: "application/json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function fail(message: string): never {
  console.error(`npm run import: ${message}`);
  process.exit(2);
}

const [file] = positionals;
if (!file || !values.type) fail("usage: npm run import -- FILE --type <programs|divisions|contacts|departments|people> [--apply] [--institution <slug|id>] [--token <jwt>]");
const token = values.token ?? readImportToken();
if (!token) fail("give a token with --token or PARTNERGRAPH_TOKEN, e.g. PARTNERGRAPH_TOKEN=$(npm run -s token -- --institution ammc --role editor)");
const extension = (values.format ?? path.extname(file).slice(1)).toLowerCase();
const mediaType = MEDIA_TYPES[extension] ?? fail(`cannot tell the format of ${file}: name it .csv, .xlsx or .json, or give --format csv|xlsx|json`);
if (!fs.existsSync(file)) fail(`no file ${file}`);
const gateway = values.gateway ?? `http://127.0.0.1:${readConfig().gatewayPort}`;
const authorization = `Bearer ${token}`;

/** An administrator names the institution by slug or id; the gateway takes its id. */
async function institutionId(name: string): Promise<string> {
  if (/^[0-9a-f-]{36}$/i.test(name)) return name;
  const response = await fetch(new URL("/graphql", gateway), {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify({ query: "query($slug: String!) { enterprise(slug: $slug) { id } university(slug: $slug) { id } }", variables: { slug: name } }),
  });
  const body = (await response.json()) as { data?: { enterprise: { id: string } | null; university: { id: string } | null } };
  return body.data?.enterprise?.id ?? body.data?.university?.id ?? fail(`no enterprise or university has the slug "${name}"`);
}

const url = new URL(`/import/${values.type}`, gateway);
if (values.apply) url.searchParams.set("dryRun", "false");
if (values.institution) url.searchParams.set("institution", await institutionId(values.institution));

let response: Response;
try {
  response = await fetch(url, {
    method: "POST",
    headers: { "content-type": mediaType, authorization, "content-length": String(fs.statSync(file).size) },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
} catch (error) {
  fail(`could not reach the gateway at ${gateway} (${(error as Error).message}): start the graph with npm start, or give --gateway`);
}
const body = (await response.json()) as any;
if (values.json) {
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
} else if (body.errors) {
  for (const error of body.errors) console.error(`${error.extensions?.code ?? "ERROR"}: ${error.message}`);
} else {
  const mode = body.dryRun ? "dry run, nothing stored" : body.applied ? "applied" : "not applied: nothing stored";
  console.log(`${values.type}: ${body.rowCount} rows: ${body.created} to create, ${body.updated} to update, ${body.unchanged} unchanged, ${body.refused} refused (${mode})`);
  for (const problem of body.problems) console.log(`  row ${problem.row}${problem.column ? `, ${problem.column}` : ""}: ${problem.code}: ${problem.message}`);
  if (body.dryRun && body.problems.length === 0) console.log("  add --apply to store them");
}
process.exit(body.errors ? 2 : body.problems.length ? 1 : 0);
