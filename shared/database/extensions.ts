/**
 * PostgreSQL extensions the subgraphs use. Creating one takes more rights
 * than a subgraph's role has, so `npm run provision` (as the admin) creates
 * them in this one schema, which every role may use and which is on every
 * subgraph connection's search_path (data-source.ts).
 */
export const EXTENSIONS_SCHEMA = "extensions";

/** Add a name (e.g. "pg_trgm") and run `npm run provision` again. */
export const EXTENSIONS: readonly string[] = [];
