/** Notes, for the response cache, which subgraphs a request fetched from: its answer depends on their data. */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayContext } from "../context";

export class FetchRecordingDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<GatewayContext>,
  ) {}

  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<GraphQLDataSource<GatewayContext>["process"]> {
    (options.context as Partial<GatewayContext> | undefined)?.responseCache?.fetched.add(this.subgraph);
    return this.inner.process(options);
  }
}
