/**
 * How the gateway reaches a subgraph: over HTTP, or in process when the
 * subgraph runs in the same Node process (`npm start`). Both send the same
 * headers and turn failures into the same errors, so answers do not depend
 * on the topology.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../shared/graphql/errors";
import type { Subgraph } from "../shared/subgraph/server";
import type { GatewayContext, SubgraphHeaders } from "./context";
import type { SubgraphFetchHistogram } from "./metrics";

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource["process"]>>;
type Fetcher = RemoteGraphQLDataSource["fetcher"];

function unavailable(serviceName: string, cause: unknown): GraphQLError {
  const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
  return new GraphQLError(
    timedOut ? `The ${serviceName} service did not answer in time.` : `The ${serviceName} service is unavailable.`,
    { extensions: { code: timedOut ? ErrorCode.SUBGRAPH_TIMEOUT : ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName } },
  );
}

/** GraphQLDataSourceRequestKind.HEALTH_CHECK, which @apollo/gateway does not export. */
export const HEALTH_CHECK = "health check" as GraphQLDataSourceProcessOptions["kind"];

/** Times a fetch of a query plan; readiness probes stay out of the figures. */
async function timed(
  histogram: SubgraphFetchHistogram | undefined,
  subgraph: string,
  options: GraphQLDataSourceProcessOptions<GatewayContext>,
  send: () => Promise<GatewayGraphQLResponse>,
): Promise<GatewayGraphQLResponse> {
  if (!histogram || options.kind === HEALTH_CHECK) return send();
  const end = histogram.startTimer({ subgraph });
  try {
    const response = await send();
    end({ outcome: "ok" });
    return response;
  } catch (error) {
    end({ outcome: "error" });
    throw error;
  }
}

/**
 * A subgraph answers 400 when it refuses the request itself, e.g. a value its
 * scalars reject (a Date the gateway passed on unchecked). Its first error
 * (already formatted for clients by the subgraph) is the client's answer, as
 * it is when the subgraph runs in process.
 */
function clientRefusal(error: Error): { message: string; code: string } | undefined {
  const body = (error as GraphQLError).extensions?.response as { body?: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } } | undefined;
  const first = body?.body?.errors?.[0];
  const code = first?.extensions?.code;
  if (typeof first?.message !== "string" || typeof code !== "string" || code === ErrorCode.INTERNAL_SERVER_ERROR) return undefined;
  return { message: first.message, code };
}

/** Carries a request's own subgraph deadline from willSendRequest to the fetcher (the subgraph ignores it). */
const DEADLINE_HEADER = "x-partnergraph-deadline-ms";

export class HttpSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly headers: SubgraphHeaders,
    private readonly histogram?: SubgraphFetchHistogram,
  ) {
    // Node's own fetch (undici, keep-alive) with a deadline per subgraph call: SUBGRAPH_TIMEOUT_MS, or the request's own (an import's).
    const fetcher: Fetcher = (input, init) => {
      const requested = Number(new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]).get(DEADLINE_HEADER));
      return fetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(requested > 0 ? requested : timeoutMs) }) as unknown as ReturnType<Fetcher>;
    };
    super({ url, fetcher });
  }

  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    return timed(this.histogram, this.serviceName, options, () => super.process(options));
  }

  /** The subgraph's own /ready (its database, its migrations), served beside its /graphql. */
  async isReady(): Promise<boolean> {
    try {
      const response = await fetch(new URL("ready", this.url), { signal: AbortSignal.timeout(this.timeoutMs) });
      return response.ok;
    } catch {
      return false;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Signed last thing before the fetch, for exactly what is fetched (RemoteGraphQLDataSource POSTs).
    const bound = { audience: this.serviceName, method: request.http?.method ?? "POST", query: request.query, operationName: request.operationName, variables: request.variables };
    for (const [name, value] of Object.entries(this.headers(context, bound))) request.http!.headers.set(name, value);
    if (context?.subgraphTimeoutMs) request.http!.headers.set(DEADLINE_HEADER, String(context.subgraphTimeoutMs));
  }

  /** Never pass on the subgraph's URL or the network error: name the service and say what happened. */
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    if (!response) throw unavailable(this.serviceName, error);
    const status = response.status;
    const refusal = status === 400 ? clientRefusal(error) : undefined;
    if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: refusal.code, serviceName: this.serviceName } });
    const code = status === 401 ? ErrorCode.UNAUTHENTICATED : status === 403 ? ErrorCode.FORBIDDEN : ErrorCode.SUBGRAPH_ERROR;
    throw new GraphQLError(`The ${this.serviceName} service answered with HTTP ${status}.`, {
      extensions: { code, serviceName: this.serviceName },
    });
  }
}

/**
 * Runs `work` with a signal that fires after `ms`, and rejects with a
 * TimeoutError then even if `work` does not stop. The timer and the listener
 * go as soon as the work settles: AbortSignal.timeout would keep every
 * answer reachable (through the losing side of the race) until it fired,
 * SUBGRAPH_TIMEOUT_MS later, and a streamed export makes hundreds of them.
 */
async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, "TimeoutError")), ms);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(controller.signal.reason);
    controller.signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work(controller.signal), aborted]);
  } finally {
    clearTimeout(timer);
    controller.signal.removeEventListener("abort", onAbort);
  }
}

export class InProcessSubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: Subgraph,
    /** SUBGRAPH_TIMEOUT_MS, as over HTTP: the answer is SUBGRAPH_TIMEOUT and the subgraph's statements are cancelled. */
    private readonly timeoutMs: number,
    private readonly headers: SubgraphHeaders,
    private readonly histogram?: SubgraphFetchHistogram,
  ) {}

  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    return timed(this.histogram, this.subgraph.name, options, () => this.execute(options));
  }

  async isReady(): Promise<boolean> {
    return (await this.subgraph.readiness()).ready;
  }

  private async execute({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      const operation = { query: request.query, variables: request.variables, operationName: request.operationName };
      // Signed as an HTTP call would be: the subgraph verifies it the same way in process.
      const headers = this.headers(context as GatewayContext, { audience: this.subgraph.name, method: "POST", ...operation });
      return (await withDeadline((context as GatewayContext | undefined)?.subgraphTimeoutMs ?? this.timeoutMs, (deadline) => this.subgraph.execute(operation, headers, deadline))) as GatewayGraphQLResponse;
    } catch (error) {
      throw unavailable(this.subgraph.name, error);
    }
  }
}
