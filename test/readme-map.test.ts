/**
 * test/README.md maps each README claim to the test that proves it. This
 * keeps the map true: every file it names exists and still holds a test of
 * the name given (as a string literal in the file), and the map is not empty.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";

interface Row {
  section: string;
  claim: string;
  file: string;
  test: string;
}

/** The rows of the map's table (the header and its separator left out). */
export function mapRows(markdown: string): Row[] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|\s*-/.test(line))
    .map((line) => line.slice(1, line.trimEnd().endsWith("|") ? line.trimEnd().length - 1 : undefined).split("|").map((cell) => cell.trim()))
    .filter((cells) => cells.length === 4 && cells[0] !== "README section")
    .map(([section, claim, file, test]) => ({ section, claim, file, test }));
}

/** A test named `name` in `source`: the name as a quoted string literal. */
export function hasTestNamed(source: string, name: string): boolean {
  return ['"', "'", "`"].some((quote) => source.includes(`${quote}${name}${quote}`));
}

const rows = mapRows(fs.readFileSync("test/README.md", "utf8"));

describe("test/README.md", () => {
  it("maps README claims to tests", () => {
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row.section && row.claim && row.file && row.test, JSON.stringify(row)).toBeTruthy();
  });

  it("names sections that README.md has", () => {
    const headings = new Set(fs.readFileSync("README.md", "utf8").split("\n").filter((line) => line.startsWith("#")).map((line) => line.replace(/^#+\s*/, "")));
    for (const row of rows) expect(headings.has(row.section), `README.md has a section "${row.section}"`).toBe(true);
  });

  it.each(rows.map((row) => [`${row.file}: ${row.test}`, row] as const))("points at a test that exists: %s", (_label, row) => {
    expect(row.file, "a test file under test/").toMatch(/^test\/.+\.test\.ts$/);
    expect(fs.existsSync(row.file), `${row.file} exists`).toBe(true);
    expect(hasTestNamed(fs.readFileSync(row.file, "utf8"), row.test), `${row.file} has a test named "${row.test}"`).toBe(true);
  });

  it("would notice a name that is gone (the check itself)", () => {
    expect(hasTestNamed(`it("a real test", () => {})`, "a real test")).toBe(true);
    expect(hasTestNamed(`it("a real test, renamed", () => {})`, "a real test")).toBe(false);
  });
});
