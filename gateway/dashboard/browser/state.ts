/**
 * What the page shows is all in its URL: the view, the language, the
 * filters, the network's `maxEdges` and the institution or program opened,
 * so any view can be bookmarked and shared. Changing it pushes a history
 * entry; back and forward re-render.
 */
import { FILTER_PARAMETERS, filtersToParameters, readFilters, type DashboardFilters } from "../url-filters";

export const VIEWS = ["overview", "network", "map", "expiring", "institution", "program"] as const;
export type View = (typeof VIEWS)[number];

export interface PageState {
  view: View;
  lang: string;
  filters: DashboardFilters;
  maxEdges: number;
  /** Slug of the institution or program the page shows (views institution and program). */
  slug?: string;
}

export const DEFAULT_MAX_EDGES = 300;

export function readState(search: string = window.location.search): PageState {
  const parameters = new URLSearchParams(search);
  const view = parameters.get("view") as View;
  const maxEdges = Number(parameters.get("maxEdges"));
  return {
    view: VIEWS.includes(view) ? view : "overview",
    lang: parameters.get("lang") ?? "en",
    filters: readFilters(parameters),
    maxEdges: Number.isInteger(maxEdges) && maxEdges >= 1 && maxEdges <= 5000 ? maxEdges : DEFAULT_MAX_EDGES,
    slug: parameters.get("slug") ?? undefined,
  };
}

export function stateUrl(state: PageState): string {
  const parameters = new URLSearchParams([["view", state.view], ["lang", state.lang], ...filtersToParameters(state.filters)]);
  if (state.maxEdges !== DEFAULT_MAX_EDGES) parameters.set("maxEdges", String(state.maxEdges));
  if (state.slug && (state.view === "institution" || state.view === "program")) parameters.set("slug", state.slug);
  return `${window.location.pathname}?${parameters}${window.location.hash}`;
}

export { FILTER_PARAMETERS };
