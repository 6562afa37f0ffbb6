/**
 * The dashboard operations the benchmarks measure, against the synthetic
 * dataset (bench/synthetic) at full size.
 */
export interface BenchQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Requests per measurement: fewer for the heavy ones, so every run stays bounded. */
  requests: number;
  /**
   * The variables of the n-th request when a benchmark varies them (npm run bench), so no
   * two requests in a row are the same: the institution, the search text or a size.
   */
  vary?: (n: number) => Record<string, unknown>;
}

const name = `... on Enterprise { name } ... on University { name }`;

export const BENCH_QUERIES: BenchQuery[] = [
  {
    name: "partners of an enterprise",
    requests: 600,
    query: `query Partners($slug: String!) { enterprise(slug: $slug) { name partners { programCount activeProgramCount firstSignedOn latestSignedOn partner { ${name} } } } }`,
    variables: { slug: "synthetic-enterprise-7" },
    vary: (n) => ({ slug: `synthetic-enterprise-${1 + (n % 200)}` }),
  },
  {
    name: "programs page (50, with parties)",
    requests: 300,
    vary: (n) => ({ first: 41 + (n % 10) }),
    query: `query Page($first: Int = 50) { programs(first: $first, filter: { statuses: [ACTIVE] }) { totalCount pageInfo { endCursor } nodes { title signedOn kind parties { role institution { ${name} } } } } }`,
  },
  {
    name: "expiring within 90 days",
    requests: 300,
    vary: (n) => ({ days: 81 + (n % 20) }),
    query: `query Expiring($days: Int = 90) { programs(first: 100, filter: { expiringWithinDays: $days }) { totalCount nodes { title endsOn parties { institution { ${name} } } } } }`,
  },
  {
    name: "network (Kyrgyzstan, 500 edges)",
    requests: 100,
    vary: (n) => ({ maxEdges: 451 + (n % 50) }),
    query: `query Network($maxEdges: Int = 500) { cooperationNetwork(filter: { partyCountryCodes: ["KG"] }, maxEdges: $maxEdges) { programCount edgeCount nodes { programCount institution { ${name} } } edges { weight source { ${name} } target { ${name} } } } }`,
  },
  {
    name: "stats by year signed",
    requests: 200,
    query: `query ByYear { programStats(groupBy: YEAR_SIGNED) { key programCount activeProgramCount plannedParticipants actualParticipants } }`,
  },
  {
    name: "stats by country (active)",
    requests: 200,
    query: `query ByCountry { programStats(groupBy: COUNTRY, filter: { statuses: [ACTIVE] }) { key programCount } }`,
  },
  {
    name: "search universities (Cyrillic)",
    requests: 600,
    query: `query Search($text: String!) { universities(first: 20, filter: { text: $text }) { totalCount nodes { name country { name } } } }`,
    variables: { text: "технический университет 123" },
    vary: (n) => ({ text: `технический университет ${100 + (n % 900)}` }),
  },
];
