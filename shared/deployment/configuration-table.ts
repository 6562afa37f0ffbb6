/**
 * README's configuration table and `.env.example`, written from
 * ENVIRONMENT_VARIABLES (and so from the subgraph registry) by
 * `npm run compose`: a new setting or subgraph needs no edit in either.
 */
import { ENVIRONMENT_VARIABLES, type Setting } from "../config";
const settings = () => Object.entries(ENVIRONMENT_VARIABLES) as [string, Setting][];

/** Variable names in a description read as code in the README. */
const codeNames = (text: string) => text.replace(/(?<![`\w])([A-Z][A-Z0-9]*_[A-Z0-9_]+)(?![`\w])/g, "`$1`");

export const TABLE_START = "<!-- configuration table: written by npm run compose from shared/config.ts -->";
export const TABLE_END = "<!-- end of configuration table -->";

/** The Markdown table, between its markers. */
export function configurationTable(): string {
  const rows = settings().map(([name, setting]) => {
    const shown = setting.shown ?? setting.default;
    return `| \`${name}\` | ${shown ? `\`${shown}\`` : "—"} | ${codeNames(setting.description)} |`;
  });
  return [TABLE_START, "| variable | default | meaning |", "| --- | --- | --- |", ...rows, TABLE_END].join("\n");
}

/** README.md with its configuration table replaced by the current one. */
export function withConfigurationTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no configuration table between "${TABLE_START}" and "${TABLE_END}".`);
  return readme.slice(0, start) + configurationTable() + readme.slice(end + TABLE_END.length);
}

/** `.env.example`: every variable, commented out at its default. */
export function envExample(): string {
  const blocks = settings().map(([name, setting]) => `# ${setting.description}${setting.shown ? ` Default: ${setting.shown}.` : ""}\n#${name}=${setting.default}`);
  return `# PartnerGraph configuration. Copy to .env (or set in your environment); every line is optional.\n# Written by npm run compose from shared/config.ts.\n\n${blocks.join("\n\n")}\n`;
}
