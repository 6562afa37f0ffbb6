/**
 * The hostile values, and what each kind of input must make of them. A
 * string field is classified by the rules declared for it (free text, search
 * text, a code, a cursor), so a new field is covered as soon as it has rules;
 * one without rules fails the suite.
 */
import { isEnumType, type GraphQLEnumType } from "graphql";
import { declaredRules } from "../../../shared/records/input-fields";
import type { Rule, ValueKind } from "../../../shared/records/validation";
import { refused, type Expectation } from "./reply";
import { pathText, type InputLeaf } from "./schema-inputs";

/** Text that is odd or malicious but legitimate where free text is allowed: stored verbatim, searchable. */
export const TEXTS = {
  "SQL drop table": "'; DROP TABLE program; --",
  "SQL tautology": "' OR '1'='1",
  "SQL union": "x' UNION SELECT usename, passwd FROM pg_shadow --",
  "SQL sleep": "1); SELECT pg_sleep(10); --",
  "SQL comment": "*/ OR 1=1 /*",
  "LIKE wildcards": "%_%\\",
  "ORM parameter": ":textPattern",
  "positional parameter": "$1",
  "script tag": "<script>alert(document.cookie)</script>",
  "right-to-left": "جامعة طشقند التقنية",
  "bidi override": "\u202Eexe.txt",
  Hebrew: "אוניברסיטת תל אביב",
  emoji: "🎓🏭 Partnership 👩🏽‍🔬",
  "combining marks": "Z̷̢̛a̵l̶g̷o text",
  "ANSI escape": "\u001b[31mred\u001b[0m",
  "CR LF": "line one\r\nline two",
} as const;

/** Text no field accepts: the database cannot store it, or it is not what it seems. */
export const INVALID_TEXTS = {
  "NUL character": "a\u0000b",
  "lone surrogate": "a\ud800b",
  "padded with spaces": "  padded  ",
  // Longer than any text field allows (descriptions: 10 000).
  "10 001 characters": "x".repeat(10_001),
} as const;

const ALL_TEXTS: Record<string, string> = { ...TEXTS, ...INVALID_TEXTS };

/** Not ids: each must be refused wherever an ID goes. */
const IDS: Record<string, unknown> = {
  "not a UUID": "not-a-uuid",
  "UUID with SQL": "00000000-0000-0000-0000-000000000000' OR '1'='1",
  "UUID with NUL": "00000000-0000-0000-0000-000000000000\u0000",
};

const INTS: Record<string, unknown> = {
  "-1": -1,
  "2^31-1": 2147483647,
  "2^31 (overflow)": 2147483648,
  "string 7": "7",
};

/** A Boolean is true or false: not the text "true", not 1. */
const BOOLEANS: Record<string, unknown> = {
  "string true": "true",
  "number 1": 1,
};

const DATES: Record<string, unknown> = {
  "February 30": "2024-02-30",
  "with a time": "2024-01-01T00:00:00Z",
  "five-digit year": "+10000-01-01",
  "with NUL": "2024-01-01\u0000",
};

const DATE_TIMES: Record<string, unknown> = {
  "a word": "yesterday",
  "beyond JavaScript's range": "+275760-09-14T00:00:00.000Z",
  "with NUL": "2024-01-01T00:00:00\u0000Z",
};

/** What a file's content gets: text that no file of any format holds (an odd but readable file is a report, not an error). */
const NOT_FILES: Record<string, string> = {
  "NUL character": INVALID_TEXTS["NUL character"],
  "lone surrogate": INVALID_TEXTS["lone surrogate"],
};

/** What codes and cursors get: no code list or cursor holds any of them. */
const NOT_CODES: Record<string, string> = {
  "SQL drop table": TEXTS["SQL drop table"],
  emoji: TEXTS.emoji,
  "NUL character": INVALID_TEXTS["NUL character"],
  "10 001 characters": INVALID_TEXTS["10 001 characters"],
};

export type LeafKind = "free text" | "search text" | "code" | "cursor" | "id" | "int" | "enum" | "date" | "date-time" | "file" | "boolean";

export function kindOf(leaf: InputLeaf): LeafKind {
  if (isEnumType(leaf.type)) return "enum";
  switch (leaf.type.name) {
    case "ID":
      return "id";
    case "Int":
      return "int";
    case "Boolean":
      return "boolean";
    case "Date":
      return "date";
    case "DateTime":
      return "date-time";
    case "String": {
      const kind = declaredKind(leaf);
      if (kind === "free text" || kind === "search text" || kind === "code" || kind === "cursor" || kind === "file") return kind;
    }
  }
  throw new Error(
    `Give ${leaf.root.name}(${pathText(leaf.path)}: ${leaf.type.name}) its rules where its input is declared (shared/records/input-fields.ts), so the hostile-input suite knows what to expect of it.`,
  );
}

/** What the field's declared rules say it is: the kind of its first rule that has one (of each element, for lists). */
function declaredKind(leaf: InputLeaf): ValueKind | undefined {
  const rules = declaredRules(leaf.containers.at(-1)?.typeName, leaf.name) ?? [];
  for (const rule of rules) {
    if (typeof rule !== "function") continue;
    const element = (rule as { elementRules?: unknown }).elementRules;
    const kind = typeof element === "function" ? (element as Rule).kind : rule.kind;
    if (kind) return kind;
  }
  return undefined;
}

/** The field an error must name: the path below the argument (`names[0].value`), or the argument itself. */
export function fieldNamed(leaf: InputLeaf): string {
  return leaf.path.length > 1 ? pathText(leaf.path.slice(1)) : String(leaf.path[0]);
}

function enumValues(type: GraphQLEnumType): Record<string, unknown> {
  const first = type.getValues()[0].name;
  return {
    "unknown value": "NOT_A_VALUE",
    "lower case": first.toLowerCase(),
    "with SQL": `${first}'; DROP TABLE program; --`,
  };
}

export interface HostileValue {
  label: string;
  value: unknown;
  expect: Expectation;
}

/** Reject with BAD_USER_INPUT naming the field. */
const badInput = (leaf: InputLeaf) => refused("BAD_USER_INPUT", { field: fieldNamed(leaf) });

/**
 * What to send to one input, and what must come back. Free text in a
 * mutation is refused only for the invalid texts; the legitimate odd texts are
 * written (and read back) in a separate phase, so the refused ones can be
 * proved to change nothing.
 */
export function hostileValuesFor(leaf: InputLeaf): HostileValue[] {
  const kind = kindOf(leaf);
  const all = (values: Record<string, unknown>, expect: (label: string) => Expectation = () => badInput(leaf)) =>
    Object.entries(values).map(([label, value]) => ({ label, value, expect: expect(label) }));
  switch (kind) {
    case "free text":
      return all(INVALID_TEXTS);
    case "search text":
      return all(ALL_TEXTS, (label) => (label in TEXTS ? { answered: true } : badInput(leaf)));
    case "code":
    case "cursor":
      return all(NOT_CODES);
    case "file":
      return all(NOT_FILES);
    case "boolean":
      return all(BOOLEANS);
    case "id":
      return all(IDS);
    case "enum":
      return all(enumValues(leaf.type as GraphQLEnumType));
    case "date":
      return all(DATES);
    case "date-time":
      return all(DATE_TIMES);
    case "int":
      return all(INTS, (label) => {
        // A stale version is a conflict, not bad input; a page beyond the gateway's largest is refused there, unnamed.
        if (leaf.name === "version" && ["-1", "2^31-1"].includes(label)) return refused("CONFLICT");
        if (leaf.name === "first" && ["2^31-1", "2^31 (overflow)"].includes(label)) return refused("LIST_TOO_LARGE", { status: 400 });
        return badInput(leaf);
      });
  }
}

/** A list ten times longer than any input accepts, of a valid element: refused by the list's size rule. */
export const OVERSIZED_LIST_LENGTH = 1_001;

/** The strings, and which may leak-check as echoed input. */
export const ECHOABLE_STRINGS: string[] = [...Object.values(ALL_TEXTS), ...Object.values(IDS), ...Object.values(DATES), ...Object.values(DATE_TIMES)].filter(
  (value): value is string => typeof value === "string",
);
