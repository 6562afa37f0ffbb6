/**
 * What the gateway hands the dashboard page, as JSON inside it (a script
 * element of type application/json, so no inline script runs). Types only:
 * shared by the server code and the browser code.
 */

export const DASHBOARD_CONFIG_ELEMENT_ID = "dashboard-config";

export interface DashboardPageConfig {
  /** Where the persisted-document GETs go (same origin). */
  graphqlUrl: string;
  /** Persisted-document id (`sha256:…`) of each dashboard operation, by operation name. */
  operations: Record<string, string>;
  /** ISO 3166-1 numeric code (as world-atlas names its countries) → alpha-2 (as the graph does). */
  countryCodes: Record<string, string>;
  /** Base of the export URLs, e.g. `/export`. */
  exportPath: string;
  /** The bundled Web Worker that lays out the network (browser/layout-worker.ts), same origin. */
  layoutWorkerUrl: string;
}
