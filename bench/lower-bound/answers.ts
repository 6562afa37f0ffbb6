/**
 * The lower bound of the peers benchmark: each dashboard operation of
 * bench/queries.ts answered the way one client holding a pg Pool on the whole
 * database would, with direct SQL across the three schemas (joins where the
 * graph needs the gateway and entity fetches) and nothing else. It answers
 * exactly those operations, with their literal arguments, and returns the
 * same `data` as the gateway, which the benchmark checks before measuring.
 */
import "reflect-metadata";
import type pg from "pg";
import { countryName } from "../../shared/domain/code-lists/countries";
import { encodeCursor } from "../../shared/graphql/pagination";

type Variables = Record<string, unknown>;
export type Answer = (pool: pg.Pool, variables: Variables) => Promise<unknown>;

/** The display name of a party, whichever schema owns it. */
const INSTITUTION_NAME = `COALESCE(e.name, u.name)`;
const JOIN_INSTITUTION = (alias: string, id = "institution_id", type = "institution_type") => `
  LEFT JOIN enterprises.enterprise e ON ${alias}.${type} = 'ENTERPRISE' AND e.id = ${alias}.${id}
  LEFT JOIN universities.university u ON ${alias}.${type} = 'UNIVERSITY' AND u.id = ${alias}.${id}`;

/** Newest signed first, undated last, id breaking ties: the programs list's order (subgraphs/programs/sql/program-list.ts). */
const PROGRAM_ORDER = `COALESCE(p.signed_on, p.starts_on, DATE '0001-01-01') DESC, p.id`;

async function rows<T>(pool: pg.Pool, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return (await pool.query(sql, parameters)).rows as T[];
}

interface PartyRow {
  program_id: string;
  role: string;
  name: string | null;
}

/** Parties of the given programs with their institutions' names, in the subgraph's order (role, id). */
async function partiesOf(pool: pg.Pool, programIds: string[]): Promise<Map<string, PartyRow[]>> {
  const parties = await rows<PartyRow>(
    pool,
    `SELECT pp.program_id, pp.role, ${INSTITUTION_NAME} AS name
       FROM programs.program_party pp ${JOIN_INSTITUTION("pp")}
      WHERE pp.program_id = ANY($1) ORDER BY pp.role, pp.id`,
    [programIds],
  );
  const byProgram = new Map<string, PartyRow[]>(programIds.map((id) => [id, []]));
  for (const party of parties) byProgram.get(party.program_id)!.push(party);
  return byProgram;
}

interface ProgramRow {
  id: string;
  title: string;
  kind: string;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
}

/** One page of programs matching `where` (on alias p), its total and its parties. */
async function programPage(pool: pg.Pool, where: string, parameters: unknown[], first: number) {
  const [page, [{ total }]] = await Promise.all([
    rows<ProgramRow>(
      pool,
      `SELECT p.id, p.title, p.kind, p.signed_on::text, p.starts_on::text, p.ends_on::text
         FROM programs.program p WHERE ${where} ORDER BY ${PROGRAM_ORDER} LIMIT ${first}`,
      parameters,
    ),
    rows<{ total: number }>(pool, `SELECT count(*)::int AS total FROM programs.program p WHERE ${where}`, parameters),
  ]);
  const parties = await partiesOf(pool, page.map((p) => p.id));
  return { page, total, parties };
}

const partners: Answer = async (pool, { slug }) => {
  const [enterprise] = await rows<{ id: string; name: string }>(pool, `SELECT id, name FROM enterprises.enterprise WHERE slug = $1`, [slug]);
  if (!enterprise) return { enterprise: null };
  const found = await rows<{ program_count: number; active_program_count: number; first_signed_on: string | null; latest_signed_on: string | null; name: string | null }>(
    pool,
    `SELECT pr.*, ${INSTITUTION_NAME} AS name FROM (
       SELECT other.institution_id, other.institution_type,
              count(DISTINCT program.id)::int AS program_count,
              count(DISTINCT program.id) FILTER (WHERE program.status = 'ACTIVE')::int AS active_program_count,
              min(program.signed_on)::text AS first_signed_on, max(program.signed_on)::text AS latest_signed_on
         FROM programs.program_party me
         JOIN programs.program_party other ON other.program_id = me.program_id AND other.institution_id <> me.institution_id
         JOIN programs.program program ON program.id = me.program_id
        WHERE me.institution_id = $1
        GROUP BY other.institution_id, other.institution_type) pr ${JOIN_INSTITUTION("pr")}
      ORDER BY pr.program_count DESC, pr.latest_signed_on DESC NULLS LAST, pr.institution_id`,
    [enterprise.id],
  );
  return {
    enterprise: {
      name: enterprise.name,
      partners: found.map((p) => ({
        programCount: p.program_count,
        activeProgramCount: p.active_program_count,
        firstSignedOn: p.first_signed_on,
        latestSignedOn: p.latest_signed_on,
        partner: { name: p.name },
      })),
    },
  };
};

const activePage: Answer = async (pool) => {
  const { page, total, parties } = await programPage(pool, `p.status = 'ACTIVE'`, [], 50);
  const last = page.at(-1);
  return {
    programs: {
      totalCount: total,
      pageInfo: { endCursor: last ? encodeCursor([last.signed_on ?? last.starts_on ?? "0001-01-01", last.id]) : null },
      nodes: page.map((p) => ({
        title: p.title,
        signedOn: p.signed_on,
        kind: p.kind,
        parties: parties.get(p.id)!.map((party) => ({ role: party.role, institution: { name: party.name } })),
      })),
    },
  };
};

const expiring: Answer = async (pool) => {
  const { page, total, parties } = await programPage(pool, `p.status = 'ACTIVE' AND p.ends_on BETWEEN CURRENT_DATE AND CURRENT_DATE + 90`, [], 100);
  return {
    programs: {
      totalCount: total,
      nodes: page.map((p) => ({
        title: p.title,
        endsOn: p.ends_on,
        parties: parties.get(p.id)!.map((party) => ({ institution: { name: party.name } })),
      })),
    },
  };
};

/** Programs with a party in Kyrgyzstan, as the network's filter selects them. */
const KYRGYZ_PROGRAMS = `SELECT p.id FROM programs.program p
  WHERE EXISTS (SELECT 1 FROM programs.program_party party WHERE party.program_id = p.id AND party.institution_country_code = 'KG')`;

const network: Answer = async (pool) => {
  const edges = await rows<{ weight: number; edge_count: number; source_id: string; target_id: string; source: string | null; target: string | null }>(
    pool,
    `WITH filtered AS (${KYRGYZ_PROGRAMS}),
          parties AS (SELECT DISTINCT pp.program_id, pp.institution_id, pp.institution_type
                        FROM programs.program_party pp JOIN filtered f ON f.id = pp.program_id),
          pairs AS (SELECT a.institution_id AS source_id, a.institution_type AS source_type,
                           b.institution_id AS target_id, b.institution_type AS target_type, count(*)::int AS weight
                      FROM parties a JOIN parties b ON b.program_id = a.program_id AND a.institution_id < b.institution_id
                     GROUP BY 1, 2, 3, 4),
          kept AS (SELECT *, count(*) OVER ()::int AS edge_count FROM pairs ORDER BY weight DESC, source_id, target_id LIMIT 500)
     SELECT kept.weight, kept.edge_count, kept.source_id, kept.target_id,
            COALESCE(se.name, su.name) AS source, COALESCE(te.name, tu.name) AS target
       FROM kept
       LEFT JOIN enterprises.enterprise se ON kept.source_type = 'ENTERPRISE' AND se.id = kept.source_id
       LEFT JOIN universities.university su ON kept.source_type = 'UNIVERSITY' AND su.id = kept.source_id
       LEFT JOIN enterprises.enterprise te ON kept.target_type = 'ENTERPRISE' AND te.id = kept.target_id
       LEFT JOIN universities.university tu ON kept.target_type = 'UNIVERSITY' AND tu.id = kept.target_id
      ORDER BY kept.weight DESC, kept.source_id, kept.target_id`,
  );
  const nodeIds = [...new Set(edges.flatMap((e) => [e.source_id, e.target_id]))];
  const [nodes, [{ program_count }]] = await Promise.all([
    rows<{ program_count: number; name: string | null }>(
      pool,
      `WITH filtered AS (${KYRGYZ_PROGRAMS})
       SELECT n.program_count, ${INSTITUTION_NAME} AS name FROM (
         SELECT pp.institution_id, min(pp.institution_type) AS institution_type, count(DISTINCT pp.program_id)::int AS program_count
           FROM programs.program_party pp JOIN filtered f ON f.id = pp.program_id
          WHERE pp.institution_id = ANY($1) GROUP BY pp.institution_id) n ${JOIN_INSTITUTION("n")}
        ORDER BY n.program_count DESC, n.institution_id`,
      [nodeIds],
    ),
    rows<{ program_count: number }>(pool, `SELECT count(*)::int AS program_count FROM (${KYRGYZ_PROGRAMS}) f`),
  ]);
  return {
    cooperationNetwork: {
      programCount: program_count,
      edgeCount: edges[0]?.edge_count ?? 0,
      nodes: nodes.map((n) => ({ programCount: n.program_count, institution: { name: n.name } })),
      edges: edges.map((e) => ({ weight: e.weight, source: { name: e.source }, target: { name: e.target } })),
    },
  };
};

const statsByYear: Answer = async (pool) => ({
  programStats: await rows(
    pool,
    // Activities summed by year through a join, not per program first (the faster form, as the subgraph does).
    `WITH years AS (SELECT to_char(p.signed_on, 'YYYY') AS key, count(*)::int AS programs, count(*) FILTER (WHERE p.status = 'ACTIVE')::int AS active
                      FROM programs.program p GROUP BY 1),
          activities AS (SELECT to_char(p.signed_on, 'YYYY') AS key, COALESCE(sum(a.planned_participants), 0)::int AS planned,
                                COALESCE(sum(a.actual_participants), 0)::int AS actual
                           FROM programs.activity a JOIN programs.program p ON p.id = a.program_id GROUP BY 1)
     SELECT y.key, y.programs AS "programCount", y.active AS "activeProgramCount",
            COALESCE(a.planned, 0) AS "plannedParticipants", COALESCE(a.actual, 0) AS "actualParticipants"
       FROM years y LEFT JOIN activities a ON a.key IS NOT DISTINCT FROM y.key
      ORDER BY "programCount" DESC, y.key NULLS LAST`,
  ),
});

const statsByCountry: Answer = async (pool) => ({
  programStats: await rows(
    pool,
    // (program, country) pairs are distinct, so count(*) counts each program once per country.
    `SELECT c.country AS key, count(*)::int AS "programCount"
       FROM programs.program p
       LEFT JOIN (SELECT DISTINCT program_id, institution_country_code AS country FROM programs.program_party) c ON c.program_id = p.id
      WHERE p.status = 'ACTIVE'
      GROUP BY 1 ORDER BY "programCount" DESC, key NULLS LAST`,
  ),
});

/** Universities with a name (display, short, or any language) containing the text, as matchesNames searches. */
const UNIVERSITY_MATCHES = `u.id IN (SELECT id FROM universities.university WHERE universities.search_text(name) LIKE universities.search_text($1)
  UNION SELECT id FROM universities.university WHERE universities.search_text(short_name) LIKE universities.search_text($1)
  UNION SELECT university_id FROM universities.university_name WHERE universities.search_text(value) LIKE universities.search_text($1))`;

const searchUniversities: Answer = async (pool, { text }) => {
  const pattern = `%${String(text).trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [found, [{ total }]] = await Promise.all([
    rows<{ name: string; country_code: string }>(pool, `SELECT u.name, u.country_code FROM universities.university u WHERE ${UNIVERSITY_MATCHES} ORDER BY u.name, u.id LIMIT 20`, [pattern]),
    rows<{ total: number }>(pool, `SELECT count(*)::int AS total FROM universities.university u WHERE ${UNIVERSITY_MATCHES}`, [pattern]),
  ]);
  return { universities: { totalCount: total, nodes: found.map((u) => ({ name: u.name, country: { name: countryName(u.country_code, "en") } })) } };
};

/** By operation name, as bench/queries.ts names them. */
export const ANSWERS: Record<string, Answer> = {
  Partners: partners,
  Page: activePage,
  Expiring: expiring,
  Network: network,
  ByYear: statsByYear,
  ByCountry: statsByCountry,
  Search: searchUniversities,
};
