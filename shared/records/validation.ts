/**
 * Input validation shared by every write path: seeds and mutations check the
 * same rules, and PostgreSQL constraints back them. A failure is a
 * BAD_USER_INPUT error whose message names the field (`parties[1].role: ...`)
 * and whose extensions list every problem found.
 */
import { GraphQLError } from "graphql";
import { isCountryCode } from "../domain/code-lists/countries";
import { isFieldOfEducation } from "../domain/code-lists/fields-of-education";
import { isIndustryCode } from "../domain/code-lists/industries";
import { ErrorCode } from "../graphql/errors";
import { isUuid } from "./ids";
import { isCalendarDate } from "../graphql/scalars";

/** Returns what is wrong with a present (non-null) value, or null when it is fine. */
export type Rule = ((value: unknown) => string | null) & {
  readonly kind?: ValueKind;
  /** A value the rule accepts, for those that write examples from the rules (the hostile-input suite's baselines). */
  readonly example?: string;
};

/**
 * What a rule says a value is, for those that read the rules rather than run
 * them (the hostile-input suite picks its attacks by it): text stored as
 * written, search words, a code from a closed set or format, an id, a cursor.
 */
export type ValueKind = "free text" | "search text" | "code" | "id" | "cursor" | "date" | "int" | "enum" | "list" | "file";

const kinded = <R extends (value: unknown) => string | null>(kind: ValueKind, rule: R, example?: string): Rule => Object.assign(rule, { kind, example });

export interface Problem {
  field: string;
  message: string;
}

export class ValidationError extends GraphQLError {
  constructor(readonly problems: Problem[]) {
    const [first] = problems;
    super(`${first.field}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ""}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: first.field, problems },
    });
    this.name = "ValidationError";
  }
}

/** Marks a field that must be present and not empty. */
export const required: unique symbol = Symbol("required");
const REQUIRED = required;
type RuleList = (Rule | typeof REQUIRED)[];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rules<T> = { [K in keyof T]?: RuleList } & { $object?: ((input: T) => Problem | null)[] };

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 60);

/** Half a UTF-16 surrogate pair: not a character, and PostgreSQL would store it as U+FFFD, not as sent. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function text(maxLength: number): Rule {
  return kinded("free text", (value) => {
    if (typeof value !== "string") return "must be text";
    if (value.includes("\u0000")) return "must not contain NUL characters";
    if (LONE_SURROGATE.test(value)) return "must be well-formed Unicode (it holds half of a surrogate pair)";
    if (value.trim() !== value) return "must not start or end with spaces";
    if (value.length > maxLength) return `must be at most ${maxLength} characters long, got ${value.length}`;
    return null;
  });
}

/** A whole file's text (CSV, JSON, or XLSX in base64): any length and lines, but text; its cells are checked by their fields' rules. */
export const fileContent: Rule = kinded("file", (value) => {
  if (typeof value !== "string") return "must be the file's text";
  if (value.includes("\u0000")) return "must be a text file (it holds NUL characters)";
  if (LONE_SURROGATE.test(value)) return "must be well-formed Unicode (it holds half of a surrogate pair)";
  return null;
}, "externalRef\n");

/** Words to look for: checked like text, never stored. */
export const searchText = (maxLength: number): Rule => kinded("search text", text(maxLength));

/** A page cursor: what `pageInfo.endCursor` gave, decoded (and checked) by the pagination. */
export const cursor: Rule = kinded("cursor", (value) => (typeof value === "string" ? null : "must be a cursor from pageInfo.endCursor"));

export const slug: Rule = kinded("code", (value) =>
  typeof value === "string" && value.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)
    ? null
    : `must be lowercase letters, digits and single hyphens (at most 100), e.g. "ammc-engineering-school", got ${show(value)}`, "ammc");

export const countryCode: Rule = kinded("code", (value) =>
  typeof value === "string" && isCountryCode(value) ? null : `must be an ISO 3166-1 alpha-2 country code such as "UZ", got ${show(value)}`, "UZ");

export const fieldOfEducationCode: Rule = kinded("code", (value) =>
  typeof value === "string" && isFieldOfEducation(value) ? null : `must be an ISCED-F 2013 code known to PartnerGraph such as "0724", got ${show(value)}`, "0724");

export const industryCode: Rule = kinded("code", (value) =>
  typeof value === "string" && isIndustryCode(value) ? null : `must be a NACE Rev. 2 code known to PartnerGraph such as "24.44", got ${show(value)}`, "24.44");

export const date: Rule = kinded("date", (value) =>
  typeof value === "string" && isCalendarDate(value) ? null : `must be a date that exists, written YYYY-MM-DD, got ${show(value)}`, "2025-01-15");

export const uuid: Rule = kinded("id", (value) => (typeof value === "string" && isUuid(value) ? null : `must be an id (a UUID), got ${show(value)}`), "00000000-0000-4000-8000-000000000000");

export function integer(min: number, max = 1_000_000_000): Rule {
  return (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
      ? null
      : `must be a whole number from ${min} to ${max}, got ${show(value)}`;
}

export function oneOf(values: Record<string, string> | readonly string[]): Rule {
  const allowed = Array.isArray(values) ? values : Object.values(values);
  return (value) => (typeof value === "string" && allowed.includes(value) ? null : `must be one of ${allowed.join(", ")}, got ${show(value)}`);
}

export const url: Rule = kinded("code", (value) => {
  if (typeof value !== "string" || value.length > 500) return "must be an http(s) URL of at most 500 characters";
  try {
    const parsed = new URL(value);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? null : `must be an http(s) URL, got ${show(value)}`;
  } catch {
    return `must be an http(s) URL, got ${show(value)}`;
  }
}, "https://www.agmk.uz");

export const email: Rule = kinded("code", (value) =>
  typeof value === "string" && value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : `must be an e-mail address, got ${show(value)}`, "info@agmk.uz");

export const phone: Rule = kinded("code", (value) =>
  typeof value === "string" && /^\+?[0-9][0-9 ()-]{4,30}$/.test(value) ? null : `must be a phone number such as "+998 78 141 90 99", got ${show(value)}`, "+998 78 141 90 99");

/** BCP 47 language tags as used for names: `en`, `ru`, `uz`, `uz-Cyrl`, `zh`. */
export const languageTag: Rule = kinded("code", (value) =>
  typeof value === "string" && /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/.test(value) ? null : `must be a language tag such as "ru" or "uz-Cyrl", got ${show(value)}`, "ru");

export const rorId: Rule = kinded("code", (value) =>
  typeof value === "string" && /^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$/.test(value) ? null : `must be a ROR id such as "05p2q6194" (without the https://ror.org/ prefix), got ${show(value)}`, "05p2q6194");

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
export const currency: Rule = kinded("code", (value) =>
  typeof value === "string" && CURRENCIES.has(value) ? null : `must be an ISO 4217 currency code such as "UZS", got ${show(value)}`, "UZS");

/** A SHA-256 digest as 64 hexadecimal digits (a program's terms hash). */
export const sha256Hex: Rule = kinded("code", (value) =>
  typeof value === "string" && /^[0-9a-fA-F]{64}$/.test(value) ? null : `must be a SHA-256 hash as 64 hexadecimal digits (read it from pendingVersion.termsHash), got ${show(value)}`, "0".repeat(64));

/** A decimal amount as text (exact money), non-negative, at most 2 decimals. */
export const amount: Rule = kinded("code", (value) =>
  typeof value === "string" && /^\d{1,15}(\.\d{1,2})?$/.test(value) ? null : `must be a non-negative amount such as "150000.00", got ${show(value)}`, "150000.00");

/** Applies `rules` to every element of a list; nested objects get their own Rules. */
export function each<T>(rules: Rule | Rules<T>): Rule {
  // Lists are checked by validateInto, which knows the path; this marker carries the element rules.
  return Object.assign(() => null, { elementRules: rules });
}

export function maxItems(limit: number): Rule {
  return (value) => (Array.isArray(value) && value.length <= limit ? null : `must be a list of at most ${limit} items`);
}

/** `end` must not be before `start` when both are given. */
export function notBefore<T>(startField: keyof T & string, endField: keyof T & string) {
  return (input: T): Problem | null => {
    const start = input[startField] as unknown;
    const end = input[endField] as unknown;
    return typeof start === "string" && typeof end === "string" && end < start
      ? { field: endField, message: `must not be before ${startField} (${start}), got ${end}` }
      : null;
  };
}

/** A date needs its precision (`<field>Precision`) and a precision needs its date. */
export function precisionGoesWithDate<T>(dateField: keyof T & string) {
  return (input: T): Problem | null => {
    const record = input as Record<string, unknown>;
    const hasDate = record[dateField] != null;
    const hasPrecision = record[`${dateField}Precision`] != null;
    return hasDate === hasPrecision
      ? null
      : { field: `${dateField}Precision`, message: hasDate ? `is required with ${dateField}` : `must be empty without ${dateField}` };
  };
}

function validateInto<T>(input: T, rules: Rules<T>, path: string, problems: Problem[]): void {
  if (input === null || typeof input !== "object") {
    problems.push({ field: path || "input", message: "must be an object" });
    return;
  }
  for (const [field, list] of Object.entries(rules) as [string, RuleList | undefined][]) {
    if (field === "$object" || !list) continue;
    const value = (input as Record<string, unknown>)[field];
    const name = path ? `${path}.${field}` : field;
    const missing = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
    if (missing) {
      if (list.includes(REQUIRED)) problems.push({ field: name, message: "is required" });
      continue;
    }
    for (const rule of list) {
      if (typeof rule !== "function") continue; // the `required` marker
      const elementRules = (rule as { elementRules?: Rule | Rules<unknown> }).elementRules;
      if (elementRules) {
        if (!Array.isArray(value)) {
          problems.push({ field: name, message: "must be a list" });
          break;
        }
        value.forEach((element, i) => {
          if (typeof elementRules === "function") {
            const message = element === null || element === undefined ? "must not be empty" : elementRules(element);
            if (message) problems.push({ field: `${name}[${i}]`, message });
          } else {
            validateInto(element, elementRules, `${name}[${i}]`, problems);
          }
        });
        continue;
      }
      const message = rule(value);
      if (message) {
        problems.push({ field: name, message });
        break;
      }
    }
  }
  for (const check of rules.$object ?? []) {
    const problem = check(input);
    if (problem) problems.push({ ...problem, field: path ? `${path}.${problem.field}` : problem.field });
  }
}

/**
 * Throws a ValidationError listing every problem of `input`; returns it
 * unchanged when valid. `clientNames` renames fields the client sent under
 * another name (a stored `budgetAmount` was sent as `budget.amount`).
 */
export function validate<T>(input: T, rules: Rules<T>, path = "", clientNames: Record<string, string> = {}): T {
  const problems: Problem[] = [];
  validateInto(input, rules, path, problems);
  if (problems.length) throw new ValidationError(problems.map((problem) => ({ ...problem, field: clientNames[problem.field] ?? problem.field })));
  return input;
}

/**
 * Input as the rules mean it, before it is validated: ids (fields ruled
 * `uuid`) in lower case, as PostgreSQL prints them, so a record named in upper
 * case is the same record to every lookup; and, where `codesInUpperCase`
 * (filters), country codes in upper case. Nested objects and lists follow
 * their own rules. Derived from the rules, so a new id field is covered too.
 */
export function normalize<T>(input: T, rules: Rules<T>, codesInUpperCase = false): T {
  if (input === null || typeof input !== "object") return input;
  const result: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const one = (value: unknown, rule: Rule | typeof REQUIRED): unknown => {
    if (typeof value !== "string") return value;
    if (rule === uuid) return value.toLowerCase();
    if (rule === countryCode && codesInUpperCase) return value.toUpperCase();
    return value;
  };
  for (const [field, list] of Object.entries(rules) as [string, RuleList | undefined][]) {
    if (field === "$object" || !list || result[field] == null) continue;
    for (const rule of list) {
      const elementRules = typeof rule === "function" ? (rule as { elementRules?: Rule | Rules<unknown> }).elementRules : undefined;
      if (elementRules && Array.isArray(result[field])) {
        result[field] = (result[field] as unknown[]).map((element) =>
          typeof elementRules === "function" ? one(element, elementRules) : normalize(element, elementRules, codesInUpperCase),
        );
      } else {
        result[field] = one(result[field], rule);
      }
    }
  }
  return result as T;
}

/** A filter as the rules mean it (ids lower-cased, country codes upper-cased), validated under `filter`; throws BAD_USER_INPUT otherwise. */
export function checkedFilter<T>(filter: T, rules: Rules<T>): T {
  return validate(normalize(filter, rules, true), rules, "filter");
}
