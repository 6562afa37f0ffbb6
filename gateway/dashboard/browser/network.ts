/**
 * The cooperation network: institutions as nodes (size by programs, colour
 * by type), shared programs as edges (width by weight), the heaviest
 * `maxEdges` from the graph. Zoom and pan with the wheel and by dragging the
 * background, move a node by dragging it; a click opens its partners and
 * programs beside the chart, with a link to the institution's page.
 *
 * The layout is computed to the end in a Web Worker (force-layout.ts) and
 * the chart drawn once with those positions: the page's main thread never
 * runs the layout, and a dragged node moves alone instead of setting the
 * whole network in motion again.
 */
import { ask } from "./api";
import { TYPE_COLOURS, makeChart, whenDisposed, type Chart } from "./charts";
import { config } from "./config";
import { h, section, table } from "./dom";
import type { LayoutInput, LayoutPositions } from "./force-layout";
import { enumLabel, formatNumber, localName, t, type NamedInstitution } from "./i18n";
import { networkProbe } from "./probe";
import type { ViewContext } from "./view-context";

interface NetworkNode {
  id: string;
  institutionType: string;
  programCount: number;
  partnerCount: number;
  institution: NamedInstitution & { slug: string; countryCode: string; kind?: string };
}

interface NetworkEdge {
  sourceId: string;
  targetId: string;
  weight: number;
  activeCount: number;
}

interface Network {
  programCount: number;
  edgeCount: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

const TYPES = ["ENTERPRISE", "UNIVERSITY"];
/**
 * Names on the chart: of the institutions with the most programs, at most this many. In the full
 * dataset's network nearly every node has a quarter of the largest's programs, and making and
 * placing 500 labels was most of the time the page spent drawing it; the tooltip names any node.
 */
const MAX_LABELS = 60;

/** Left before the worker answered: the view is gone, nothing to draw. */
class LayoutAbandoned extends Error {
  override name = "LayoutAbandoned";
}

/**
 * The series' box at which a layout unit is a pixel, centred in the chart: with layout "none" the
 * chart fits the nodes' bounding box into the series' box. (At zoom 1, so symbols keep their size.)
 */
function oneToOne(positions: LayoutPositions, element: HTMLElement): { left: number; top: number; width: number; height: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < positions.length; i += 2) {
    minX = Math.min(minX, positions[i]!);
    maxX = Math.max(maxX, positions[i]!);
    minY = Math.min(minY, positions[i + 1]!);
    maxY = Math.max(maxY, positions[i + 1]!);
  }
  const width = Math.max(maxX - minX, 2);
  const height = Math.max(maxY - minY, 2);
  return { left: (element.clientWidth - width) / 2, top: (element.clientHeight - height) / 2, width, height };
}

/** The force layout in a Web Worker; stopped if the view is left first. */
function layOut(input: LayoutInput): Promise<LayoutPositions> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(config.layoutWorkerUrl);
    whenDisposed(() => {
      worker.terminate();
      reject(new LayoutAbandoned("the view was left while its network was being laid out"));
    });
    worker.addEventListener("message", (event: MessageEvent<LayoutPositions>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener("error", (event) => {
      worker.terminate();
      reject(new Error(`the network's layout failed: ${event.message}`));
    });
    worker.postMessage(input, [input.edges.buffer, input.weights.buffer]);
  });
}

export async function renderNetwork(root: HTMLElement, context: ViewContext): Promise<void> {
  const { cooperationNetwork: network } = await ask<{ cooperationNetwork: Network }>("DashboardNetwork", {
    filter: context.filter,
    maxEdges: context.state.maxEdges,
  });
  const byId = new Map(network.nodes.map((node) => [node.id, node]));
  const maxEdges = h("input", { type: "number", min: "1", max: "5000", value: String(context.state.maxEdges), "data-testid": "max-edges" });
  maxEdges.addEventListener("change", () => context.navigate({ maxEdges: Number(maxEdges.value) }));
  const chartElement = h("div", { class: "chart network-chart", "data-testid": "network-chart" }, h("p", { class: "summary", "data-testid": "network-laying-out" }, t("layingOut")));
  const details = h("div", { class: "network-details", "data-testid": "network-details" }, t("clickNode"));
  root.append(
    section(
      t("network"),
      h(
        "p",
        {
          class: "summary",
          "data-testid": "network-summary",
          "data-nodes": String(network.nodes.length),
          "data-edges": String(network.edges.length),
          "data-edge-count": String(network.edgeCount),
        },
        t("networkSummary", {
          nodes: formatNumber(network.nodes.length),
          edges: formatNumber(network.edges.length),
          total: formatNumber(network.edgeCount),
          programs: formatNumber(network.programCount),
        }),
      ),
      h("label", { class: "inline" }, `${t("maxEdges")}: `, maxEdges),
      h("ul", { class: "legend" }, TYPES.map((type) => h("li", { class: `swatch swatch-${type.toLowerCase()}` }, enumLabel(type)))),
      h("div", { class: "network" }, chartElement, details),
    ),
  );

  const largest = Math.max(1, ...network.nodes.map((node) => node.programCount));
  const heaviest = Math.max(1, ...network.edges.map((edge) => edge.weight));
  const big = network.nodes.length > 300;
  const labelled = new Set(
    network.nodes
      .filter((node) => node.programCount >= largest / 4 || network.nodes.length <= 40)
      .sort((a, b) => b.programCount - a.programCount)
      .slice(0, MAX_LABELS)
      .map((node) => node.id),
  );
  const indexOf = new Map(network.nodes.map((node, index) => [node.id, index]));
  const links = network.edges.filter((edge) => indexOf.has(edge.sourceId) && indexOf.has(edge.targetId));
  // Left while the network was on its way: lay nothing out for a view that is gone.
  if (!chartElement.isConnected) throw new LayoutAbandoned("the view was left before its network arrived");
  const positions = await layOut({
    nodeCount: network.nodes.length,
    edges: Int32Array.from(links.flatMap((edge) => [indexOf.get(edge.sourceId)!, indexOf.get(edge.targetId)!])),
    weights: Float64Array.from(links.map((edge) => edge.weight)),
    width: chartElement.clientWidth || 800,
    height: chartElement.clientHeight || 600,
    // As the chart's own force layout had them: a big network packed tighter.
    repulsion: big ? 60 : 500,
    edgeLength: big ? [30, 120] : [80, 220],
    gravity: 0.08,
  });
  chartElement.replaceChildren();
  const chart = makeChart(chartElement, {
    // Drawn once, in place: no entry animation of hundreds of elements, frame after frame.
    animation: false,
    tooltip: { formatter: (item: { dataType: string; data: { name?: string; value?: number; tip?: string } }) => item.data.tip ?? "" },
    series: [
      {
        type: "graph",
        layout: "none",
        roam: true,
        // One unit of the layout a pixel, as the chart's own force layout drew it (fitting a big network
        // into the box would pile its nodes and labels on each other); the wheel zooms out to all of it.
        ...oneToOne(positions, chartElement),
        draggable: true,
        categories: TYPES.map((type) => ({ name: type, itemStyle: { color: TYPE_COLOURS[type] } })),
        label: { show: false, position: "right", fontSize: 11, formatter: (item: { data: { caption?: string } }) => item.data.caption ?? "" },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", lineStyle: { width: 4 } },
        data: network.nodes.map((node, index) => ({
          id: node.id,
          x: positions[2 * index],
          y: positions[2 * index + 1],
          name: node.institution.slug,
          category: TYPES.indexOf(node.institutionType),
          value: node.programCount,
          symbolSize: 8 + 32 * Math.sqrt(node.programCount / largest),
          // Names of the bigger institutions only: a full network's labels would cover the chart
          // (and a label not shown is not made at all).
          ...(labelled.has(node.id) ? { caption: localName(node.institution), label: { show: true } } : {}),
          tip: `${localName(node.institution)} · ${enumLabel(node.institutionType)} · ${formatNumber(node.programCount)} ${t("programs").toLowerCase()}`,
        })),
        edges: network.edges.map((edge) => ({
          source: edge.sourceId,
          target: edge.targetId,
          value: edge.weight,
          lineStyle: { width: 1 + 5 * Math.sqrt(edge.weight / heaviest), opacity: 0.55, color: "#8a9bb0" },
          tip: `${localName(byId.get(edge.sourceId)?.institution)} — ${localName(byId.get(edge.targetId)?.institution)}: ${edge.weight} ${t("sharedPrograms")}`,
        })),
      },
    ],
  }, true);
  // Drawn at the next frame (makeChart's lazy): the view is ready once it has been.
  await new Promise<void>((resolve) => chart.on("finished", () => resolve()));
  const select = (slug: string | undefined) => {
    const node = network.nodes.find((candidate) => candidate.institution.slug === slug);
    if (node) void showDetails(details, node, network, byId, context);
  };
  networkProbe.attach(chart, network.nodes.map((node) => node.institution.slug), select);
  chart.on("click", (event) => {
    if (event.dataType === "node") select((event.data as { name?: string } | undefined)?.name);
  });
}

async function showDetails(details: HTMLElement, node: NetworkNode, network: Network, byId: Map<string, NetworkNode>, context: ViewContext): Promise<void> {
  const partners = network.edges
    .filter((edge) => edge.sourceId === node.id || edge.targetId === node.id)
    .map((edge) => ({ edge, partner: byId.get(edge.sourceId === node.id ? edge.targetId : edge.sourceId)! }))
    .sort((a, b) => b.edge.weight - a.edge.weight);
  details.replaceChildren(
    h("h3", { "data-testid": "network-selected" }, localName(node.institution)),
    h("p", {}, `${enumLabel(node.institutionType)} · ${node.institution.countryCode} · ${formatNumber(node.programCount)} ${t("programs").toLowerCase()}`),
    context.link(t("openInstitution"), { view: "institution", slug: node.institution.slug }, "open-institution"),
    h("h4", {}, t("partners")),
    table(
      [t("partners"), t("sharedPrograms")],
      partners.map(({ edge, partner }) => [context.link(localName(partner.institution), { view: "institution", slug: partner.institution.slug }), edge.weight]),
      "network-partners",
    ),
  );
  const { enterprise, university } = await ask("DashboardInstitution", { slug: node.institution.slug });
  const programs: { slug: string; title: string; kind: string; status: string }[] = (enterprise ?? university)?.programs?.nodes ?? [];
  details.append(
    h("h4", {}, t("programs")),
    h("ul", { class: "program-list", "data-testid": "network-programs" }, programs.map((program) =>
      h("li", {}, context.link(program.title, { view: "program", slug: program.slug }), ` · ${enumLabel(program.kind)} · ${enumLabel(program.status)}`),
    )),
  );
}

export type { Chart };
