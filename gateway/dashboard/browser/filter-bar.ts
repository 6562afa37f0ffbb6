/** The filters above every view; each change goes into the URL and redraws the view. */
import { h } from "./dom";
import { enumLabel, t } from "./i18n";
import type { PageState } from "./state";

const KINDS = ["MEMORANDUM", "PARTNERSHIP_AGREEMENT", "BRANCH_DEPARTMENT", "INTERNSHIP", "EXCHANGE", "SCHOLARSHIP", "JOINT_RESEARCH", "JOINT_LABORATORY", "INDUSTRIAL_VISIT", "TRAINING"];
const STATUSES = ["DRAFT", "ACTIVE", "COMPLETED", "EXPIRED", "TERMINATED"];

function choice(name: string, all: string, options: string[], selected: string[], onChange: (values: string[]) => void): HTMLSelectElement {
  const select = h(
    "select",
    { name, "data-testid": `filter-${name}` },
    h("option", { value: "" }, all),
    options.map((option) => h("option", { value: option, ...(selected.includes(option) ? { selected: "" } : {}) }, enumLabel(option))),
  );
  select.addEventListener("change", () => onChange(select.value ? [select.value] : []));
  return select;
}

function input(name: string, type: string, value: string | undefined, placeholder: string, onChange: (value: string | undefined) => void): HTMLInputElement {
  const element = h("input", { name, type, value: value ?? "", placeholder, "aria-label": placeholder, "data-testid": `filter-${name}` });
  element.addEventListener("change", () => onChange(element.value.trim() || undefined));
  return element;
}

export function filterBar(state: PageState, navigate: (change: Partial<PageState>) => void): HTMLElement {
  const set = (change: Partial<PageState["filters"]>) => navigate({ filters: { ...state.filters, ...change } });
  return h(
    "form",
    { class: "filters", "aria-label": t("filters") },
    choice("kinds", t("allKinds"), KINDS, state.filters.kinds, (kinds) => set({ kinds })),
    choice("statuses", t("allStatuses"), STATUSES, state.filters.statuses, (statuses) => set({ statuses })),
    input("countries", "text", state.filters.countries.join(","), `${t("allCountries")} (UZ,RU)`, (value) => set({ countries: value ? value.toUpperCase().split(/[\s,]+/).filter(Boolean) : [] })),
    h("label", {}, `${t("signedFrom")} `, input("signedFrom", "date", state.filters.signedFrom, t("signedFrom"), (signedFrom) => set({ signedFrom }))),
    h("label", {}, `${t("signedTo")} `, input("signedTo", "date", state.filters.signedTo, t("signedTo"), (signedTo) => set({ signedTo }))),
    input("institution", "text", state.filters.institution, t("institutionSlug"), (institution) => set({ institution })),
    (() => {
      const clear = h("button", { type: "button" }, t("clear"));
      clear.addEventListener("click", () => navigate({ filters: { kinds: [], statuses: [], countries: [] } }));
      return clear;
    })(),
  );
}
