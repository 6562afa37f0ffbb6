/**
 * The dashboard page: a header with the views and the language switch, the
 * filters, and the current view, all drawn from the URL (state.ts) with
 * figures from the dashboard's persisted operations (api.ts). Bundled by
 * gateway/dashboard/assets.ts.
 */
import "./style.css";
import { ask } from "./api";
import { disposeCharts } from "./charts";
import { config } from "./config";
import { h } from "./dom";
import { renderExpiring } from "./expiring";
import { filterBar } from "./filter-bar";
import { LANGUAGES, setLanguage, t, type LabelKey } from "./i18n";
import { renderInstitution } from "./institution";
import { renderMap } from "./map";
import { renderNetwork } from "./network";
import { renderOverview } from "./overview";
import { renderProgram } from "./program";
import { readState, stateUrl, type PageState, type View } from "./state";
import { filtersToParameters, programFilter } from "../url-filters";
import type { ViewContext } from "./view-context";

const RENDERERS: Record<View, (root: HTMLElement, context: ViewContext) => Promise<void>> = {
  overview: renderOverview,
  network: renderNetwork,
  map: renderMap,
  expiring: renderExpiring,
  institution: renderInstitution,
  program: renderProgram,
};
const TABS: View[] = ["overview", "network", "map", "expiring", "institution"];

const app = document.getElementById("dashboard")!;
let rendering = 0;

function navigate(change: Partial<PageState>): void {
  const next = { ...readState(), ...change };
  window.history.pushState(null, "", stateUrl(next));
  // After the current event, not inside it: a change event fired by a blur while render() replaces
  // the page (the focused input being removed) would otherwise replace it again from within.
  queueMicrotask(() => void render());
}

function link(label: string, change: Partial<PageState>, testId?: string): HTMLAnchorElement {
  const anchor = h("a", { href: stateUrl({ ...readState(), ...change }), "data-testid": testId }, label);
  anchor.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(change);
  });
  return anchor;
}

async function institutionId(slug: string | undefined): Promise<string | undefined> {
  if (!slug) return undefined;
  const { enterprise, university } = await ask("DashboardInstitutionId", { slug });
  // An unknown slug must not widen the view to everything: no program has this party.
  return enterprise?.id ?? university?.id ?? "00000000-0000-0000-0000-000000000000";
}

function header(state: PageState): HTMLElement {
  const exportQuery = new URLSearchParams(filtersToParameters(state.filters)).toString();
  return h(
    "header",
    { class: "top" },
    h("h1", {}, t("title")),
    h("nav", { class: "tabs" }, TABS.map((view) => {
      const tab = link(t(view as LabelKey), { view }, `tab-${view}`);
      if (view === state.view) tab.setAttribute("aria-current", "page");
      return tab;
    })),
    h("span", { class: "exports" }, `${t("download")}: `,
      h("a", { href: `${config.exportPath}/programs.csv${exportQuery ? `?${exportQuery}` : ""}`, "data-testid": "export-programs" }, "CSV"), " · ",
      h("a", { href: `${config.exportPath}/programs.jsonl${exportQuery ? `?${exportQuery}` : ""}` }, "JSON lines")),
    h("span", { class: "languages", role: "group" }, LANGUAGES.map((lang) => {
      const button = h("button", { type: "button", "data-testid": `lang-${lang}`, "aria-pressed": String(lang === state.lang) }, lang.toUpperCase());
      button.addEventListener("click", () => navigate({ lang }));
      return button;
    })),
  );
}

async function render(): Promise<void> {
  const ticket = ++rendering;
  const state = readState();
  state.lang = setLanguage(state.lang);
  document.title = t("title");
  document.body.dataset.ready = "false";
  disposeCharts();
  const content = h("main", { class: "content" });
  app.replaceChildren(header(state), filterBar(state, navigate), content);
  try {
    const filter = programFilter(state.filters, await institutionId(state.filters.institution));
    if (ticket !== rendering) return;
    await RENDERERS[state.view](content, { state, filter, navigate, link });
  } catch (error) {
    if (ticket !== rendering) return;
    content.append(h("p", { class: "error", role: "alert" }, `${t("error")}: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (ticket === rendering) {
    document.body.dataset.view = state.view;
    document.body.dataset.ready = "true";
  }
}

window.addEventListener("popstate", () => void render());
void render();
