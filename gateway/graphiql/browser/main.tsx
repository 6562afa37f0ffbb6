/**
 * The explorer: GraphiQL against the gateway's /graphql, with the example
 * operations as tabs and in an Examples pane, and a hint in the headers
 * editor for sending a token. Bundled by gateway/graphiql/assets.ts.
 */
import "./workers";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import "./explorer.css";
import { config } from "./config";
import { examplesPlugin } from "./examples-plugin";

// JSON POSTs: the gateway runs no POST without an application/json body (gateway/limits/cross-site.ts).
const fetcher = createGraphiQLFetcher({ url: new URL(config.graphqlUrl, window.location.href).href });
// Passing plugins replaces the default list, so the history comes along explicitly.
const plugins = [examplesPlugin(config.examples, config.headers), HISTORY_PLUGIN];
const defaultTabs = config.examples.length
  ? config.examples.map((example) => ({ query: example.query, variables: example.variables, headers: config.headers }))
  : undefined;
// GraphiQL (5.4) fills the first tab's operation editor from defaultTabs but
// not its variables editor; on a first visit (no tabs stored) pass them along.
const firstVisit = window.localStorage.getItem("graphiql:tabState") === null;
const initialVariables = firstVisit ? (defaultTabs?.[0].variables ?? undefined) : undefined;

createRoot(document.getElementById("graphiql")!).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={plugins}
    defaultTabs={defaultTabs}
    initialVariables={initialVariables}
    defaultHeaders={config.headers}
    defaultEditorToolsVisibility="variables"
  >
    <GraphiQL.Logo>PartnerGraph</GraphiQL.Logo>
  </GraphiQL>,
);
