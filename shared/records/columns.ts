/** From a valid input to the columns it sets: what every kind of record does alike. */
import type { Rule, Rules } from "./validation";

const isListRule = (rule: unknown) => typeof rule === "function" && "elementRules" in rule;

/**
 * The input's fields as columns: `alongside` fields (names, stored in their
 * own table) left out, and list fields (those ruled `each(...)`) given as null
 * stored as empty lists, which is what their columns default to.
 */
export function columnsOf<Input extends object>(input: Partial<Input>, rules: Rules<Input>, alongside: readonly string[] = []): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (alongside.includes(field)) continue;
    const list = ((rules as Record<string, (Rule | symbol)[] | undefined>)[field] ?? []).some(isListRule);
    columns[field] = list && value === null ? [] : value;
  }
  return columns;
}

/** The list fields a new record gets empty when the input leaves them out. */
export function emptyLists<Input extends object>(rules: Rules<Input>, alongside: readonly string[] = []): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(rules as Record<string, unknown>)
      .filter(([field, list]) => field !== "$object" && !alongside.includes(field) && Array.isArray(list) && list.some(isListRule))
      .map(([field]) => [field, []]),
  );
}
