/**
 * What the gateway hands the GraphiQL page, as JSON inside the page (a
 * script element of type application/json, so no inline script runs).
 * Shared by the server code and the browser code, hence types only.
 */

/** The id of the element holding the JSON. */
export const CONFIG_ELEMENT_ID = "graphiql-config";

/** Monaco editor's web workers, by the label Monaco asks for. */
export type WorkerName = "editor" | "json" | "graphql";

export interface ExampleOperation {
  /** File name in gateway/examples/, e.g. `01-partners-of-an-enterprise.graphql`. */
  file: string;
  title: string;
  /** Markdown; paragraphs separated by blank lines. */
  description: string;
  /** The whole file, comments included. */
  query: string;
  /** JSON of the variables' default values, or "" when there are none. */
  variables: string;
}

export interface GraphiQLPageConfig {
  /** Where GraphiQL sends operations (same origin). */
  graphqlUrl: string;
  /** URL of each worker script. */
  workers: Record<WorkerName, string>;
  /** Opened as tabs on a first visit and listed in the Examples pane. */
  examples: ExampleOperation[];
  /** Initial contents of the request headers editor (JSON with comments). */
  headers: string;
}
