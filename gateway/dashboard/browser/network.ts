/**
 * The cooperation network: institutions as nodes (size by programs, colour
 * by type), shared programs as edges (width by weight), the heaviest
 * `maxEdges` from the graph. Zoom and pan with the wheel and by dragging the
 * background, move a node by dragging it; a click opens its partners and
 * programs beside the chart, with a link to the institution's page.
 */
import { ask } from "./api";
import { TYPE_COLOURS, makeChart, type Chart } from "./charts";
import { h, section, table } from "./dom";
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

export async function renderNetwork(root: HTMLElement, context: ViewContext): Promise<void> {
  const { cooperationNetwork: network } = await ask<{ cooperationNetwork: Network }>("DashboardNetwork", {
    filter: context.filter,
    maxEdges: context.state.maxEdges,
  });
  const byId = new Map(network.nodes.map((node) => [node.id, node]));
  const maxEdges = h("input", { type: "number", min: "1", max: "5000", value: String(context.state.maxEdges), "data-testid": "max-edges" });
  maxEdges.addEventListener("change", () => context.navigate({ maxEdges: Number(maxEdges.value) }));
  const chartElement = h("div", { class: "chart network-chart", "data-testid": "network-chart" });
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
  const chart = makeChart(chartElement, {
    animationDurationUpdate: 0,
    tooltip: { formatter: (item: { dataType: string; data: { name?: string; value?: number; tip?: string } }) => item.data.tip ?? "" },
    series: [
      {
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        // Big networks settle without animating every step, so the page stays responsive.
        force: { repulsion: network.nodes.length > 300 ? 60 : 500, edgeLength: network.nodes.length > 300 ? [30, 120] : [80, 220], gravity: 0.08, layoutAnimation: network.nodes.length <= 600 },
        categories: TYPES.map((type) => ({ name: type, itemStyle: { color: TYPE_COLOURS[type] } })),
        label: { show: true, position: "right", fontSize: 11, formatter: (item: { data: { label?: string } }) => item.data.label ?? "" },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", lineStyle: { width: 4 } },
        data: network.nodes.map((node) => ({
          id: node.id,
          name: node.institution.slug,
          category: TYPES.indexOf(node.institutionType),
          value: node.programCount,
          symbolSize: 8 + 32 * Math.sqrt(node.programCount / largest),
          // Names of the bigger institutions only: a full network's labels would cover the chart.
          label: node.programCount >= largest / 4 || network.nodes.length <= 40 ? localName(node.institution) : "",
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
  });
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
