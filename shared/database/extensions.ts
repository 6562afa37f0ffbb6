/**
 * PostgreSQL extensions the subgraphs use (text search: search-migration.ts).
 * Creating one takes more rights than a subgraph's role has, so
 * `npm run provision` (as the admin) creates them in this one schema, which
 * every role may use and which is on every subgraph connection's search_path
 * (data-source.ts). Without provisioning (`npm start`, one user for
 * everything) the migrations create them themselves.
 */
export const EXTENSIONS_SCHEMA = "extensions";

/** Add a name here when a migration starts to need an extension, and run `npm run provision` again. */
export const EXTENSIONS: readonly string[] = ["pg_trgm", "unaccent"];
