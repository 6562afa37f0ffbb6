/**
 * The explorer: GraphiQL against the gateway's /graphql, with the example
 * operations as tabs and in an Examples pane, and a hint in the headers
 * editor for sending a token. Bundled by gateway/graphiql/assets.ts.
 */
import "./workers";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import "./explorer.css";
import { config } from "./config";
import { examplesPlugin } from "./examples-plugin";

// JSON POSTs: Apollo Server's CSRF prevention lets them through.
const fetcher = createGraphiQLFetcher({ url: new URL(config.graphqlUrl, window.location.href).href });
const plugins = [examplesPlugin(config.examples, config.headers)];
const defaultTabs = config.examples.length
  ? config.examples.map((example) => ({ query: example.query, variables: example.variables, headers: config.headers }))
  : undefined;

createRoot(document.getElementById("graphiql")!).render(
  <GraphiQL fetcher={fetcher} plugins={plugins} defaultTabs={defaultTabs} defaultHeaders={config.headers}>
    <GraphiQL.Logo>PartnerGraph</GraphiQL.Logo>
  </GraphiQL>,
);
