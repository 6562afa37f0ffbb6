/**
 * The dashboard's filters as URL parameters, read the same way by the page
 * (so a view can be bookmarked and shared) and by the export URLs:
 * `kinds=MEMORANDUM,INTERNSHIP&statuses=ACTIVE&countries=UZ,RU&signedFrom=2024-01-01&signedTo=2025-12-31&institution=ammc`.
 * Lists are comma-separated (or the parameter repeated). Values are passed
 * to the GraphQL API as they are, which validates them and names the field
 * when one is wrong. No Node or DOM imports: the browser bundle uses it too.
 */

export interface DashboardFilters {
  kinds: string[];
  statuses: string[];
  /** ISO 3166-1 alpha-2 codes of a party's country. */
  countries: string[];
  signedFrom?: string;
  signedTo?: string;
  /** Slug of an enterprise or university that must be a party. */
  institution?: string;
}

export const FILTER_PARAMETERS = ["kinds", "statuses", "countries", "signedFrom", "signedTo", "institution"] as const;

/** Parameters as a URLSearchParams or an Express `req.query`. */
type Parameters = URLSearchParams | Record<string, unknown>;

function values(parameters: Parameters, name: string): string[] {
  const raw = parameters instanceof URLSearchParams ? parameters.getAll(name) : [parameters[name]].flat();
  return raw
    .filter((value): value is string => typeof value === "string")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

const single = (parameters: Parameters, name: string): string | undefined => values(parameters, name)[0];

export function readFilters(parameters: Parameters): DashboardFilters {
  return {
    kinds: values(parameters, "kinds").map((kind) => kind.toUpperCase()),
    statuses: values(parameters, "statuses").map((status) => status.toUpperCase()),
    countries: values(parameters, "countries").map((code) => code.toUpperCase()),
    signedFrom: single(parameters, "signedFrom"),
    signedTo: single(parameters, "signedTo"),
    institution: single(parameters, "institution"),
  };
}

/** The filters as URL parameters (empty ones left out), for the page's address bar and export links. */
export function filtersToParameters(filters: DashboardFilters): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name of ["kinds", "statuses", "countries"] as const) if (filters[name].length) pairs.push([name, filters[name].join(",")]);
  for (const name of ["signedFrom", "signedTo", "institution"] as const) if (filters[name]) pairs.push([name, filters[name]!]);
  return pairs;
}

/** The GraphQL `ProgramFilter`; `institution` needs its id, looked up from the slug beforehand. */
export function programFilter(filters: DashboardFilters, institutionId?: string): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (filters.kinds.length) filter.kinds = filters.kinds;
  if (filters.statuses.length) filter.statuses = filters.statuses;
  if (filters.countries.length) filter.partyCountryCodes = filters.countries;
  if (filters.signedFrom) filter.signedFrom = filters.signedFrom;
  if (filters.signedTo) filter.signedTo = filters.signedTo;
  if (institutionId) filter.partyId = institutionId;
  return filter;
}
