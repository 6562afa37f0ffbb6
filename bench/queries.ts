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
}

const name = `... on Enterprise { name } ... on University { name }`;

export const BENCH_QUERIES: BenchQuery[] = [
  {
    name: "partners of an enterprise",
    requests: 600,
    query: `query Partners($slug: String!) { enterprise(slug: $slug) { name partners { programCount activeProgramCount firstSignedOn latestSignedOn partner { ${name} } } } }`,
    variables: { slug: "synthetic-enterprise-7" },
  },
  {
    name: "programs page (50, with parties)",
    requests: 300,
    query: `query Page { programs(first: 50, filter: { statuses: [ACTIVE] }) { totalCount pageInfo { endCursor } nodes { title signedOn kind parties { role institution { ${name} } } } } }`,
  },
  {
    name: "expiring within 90 days",
    requests: 300,
    query: `query Expiring { programs(first: 100, filter: { expiringWithinDays: 90 }) { totalCount nodes { title endsOn parties { institution { ${name} } } } } }`,
  },
  {
    name: "network (Kyrgyzstan, 500 edges)",
    requests: 100,
    query: `query Network { cooperationNetwork(filter: { partyCountryCodes: ["KG"] }, maxEdges: 500) { programCount edgeCount nodes { programCount institution { ${name} } } edges { weight source { ${name} } target { ${name} } } } }`,
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
  },
];
