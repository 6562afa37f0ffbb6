/**
 * The dashboard network's layout (gateway/dashboard/browser/force-layout.ts),
 * run in a Web Worker so the page's main thread never lays out: it must give
 * the picture ECharts' own force layout gave (the same forces and steps), with
 * the exact repulsion and with the Barnes-Hut approximation used for big
 * networks, the same picture for the same network, and finite positions for
 * networks of thousands of institutions (maxEdges up to 5,000).
 */
import { describe, expect, it } from "vitest";
// ECharts' own force layout, the reference: the chart ran it on the main thread before.
// @ts-expect-error the file has no types of its own
import { forceLayout as echartsForceLayout } from "echarts/lib/chart/graph/forceHelper.js";
import { EXACT_REPULSION_NODES, forceLayout, type LayoutInput } from "../gateway/dashboard/browser/force-layout";

const WIDTH = 1170;
const HEIGHT = 640;

/** A network of the full dataset's shape: hubs with many leaves, heavier links first. */
function network(nodeCount: number, edgeCount: number): [number, number, number][] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: edgeCount }, (_, e) => {
    const source = e < nodeCount - edgeCount ? Math.floor(random() * 20) : Math.floor(random() * nodeCount);
    const target = Math.min(nodeCount - 1, 20 + e);
    return [source, target === source ? (source + 1) % nodeCount : target, Math.max(1, Math.round(40 * (1 - e / edgeCount)))];
  });
}

const input = (nodeCount: number, edges: [number, number, number][], exactRepulsionUpTo?: number): LayoutInput => ({
  nodeCount,
  edges: Int32Array.from(edges.flatMap(([a, b]) => [a, b])),
  weights: Float64Array.from(edges.map(([, , weight]) => weight)),
  width: WIDTH,
  height: HEIGHT,
  repulsion: 60,
  edgeLength: [30, 120],
  gravity: 0.08,
  exactRepulsionUpTo,
});

/** What the eye sees of a layout: its extent, how long the links are, how close the nodes come. */
function shape(nodeCount: number, edges: [number, number, number][], at: (i: number) => [number, number]) {
  const xs = Array.from({ length: nodeCount }, (_, i) => at(i)[0]);
  const ys = Array.from({ length: nodeCount }, (_, i) => at(i)[1]);
  const distance = (a: number, b: number) => Math.hypot(at(a)[0] - at(b)[0], at(a)[1] - at(b)[1]);
  let nearest = 0;
  for (let i = 0; i < nodeCount; i++) {
    let best = Infinity;
    for (let j = 0; j < nodeCount; j++) if (j !== i) best = Math.min(best, distance(i, j));
    nearest += best / nodeCount;
  }
  return {
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
    link: edges.reduce((sum, [a, b]) => sum + distance(a, b), 0) / edges.length,
    nearest,
  };
}

function echartsShape(nodeCount: number, edges: [number, number, number][]) {
  const weights = edges.map(([, , weight]) => weight);
  const [lightest, heaviest] = [Math.min(...weights), Math.max(...weights)];
  const nodes = Array.from({ length: nodeCount }, () => ({ w: 60, rep: 60, p: null as null | number[] }));
  const springs = edges.map(([a, b, weight]) => ({ n1: nodes[a], n2: nodes[b], d: 120 + ((weight - lightest) / (heaviest - lightest)) * (30 - 120) }));
  const layout = echartsForceLayout(nodes, springs, { rect: { x: 0, y: 0, width: WIDTH, height: HEIGHT }, gravity: 0.08 });
  let stopped = false;
  while (!stopped) layout.step((done: boolean) => (stopped = done));
  return shape(nodeCount, edges, (i) => nodes[i]!.p as [number, number]);
}

const close = (actual: Record<string, number>, expected: Record<string, number>) => {
  for (const key of Object.keys(expected)) expect(actual[key]! / expected[key]!, key).toBeCloseTo(1, 1); // within ±5 %
};

describe("the network's layout", () => {
  const edges = network(586, 300);
  const reference = echartsShape(586, edges);

  it.each([
    ["exact repulsion", 10_000],
    ["Barnes-Hut repulsion", 0],
  ])("gives the picture ECharts' own force layout gave, with %s (586 institutions, 300 links)", (_name, exactUpTo) => {
    const positions = forceLayout(input(586, edges, exactUpTo));
    close(shape(586, edges, (i) => [positions[2 * i]!, positions[2 * i + 1]!]), reference);
  });

  it("gives the same picture for the same network", () => {
    expect(forceLayout(input(586, edges))).toEqual(forceLayout(input(586, edges)));
  });

  it(`lays out thousands of institutions (Barnes-Hut beyond ${EXACT_REPULSION_NODES}) with every position finite`, { timeout: 60_000 }, () => {
    const big = network(3000, 1600);
    const positions = forceLayout(input(3000, big));
    expect(positions).toHaveLength(6000);
    expect([...positions].every(Number.isFinite)).toBe(true);
    // Spread out, not collapsed onto the centre.
    expect(shape(3000, big, (i) => [positions[2 * i]!, positions[2 * i + 1]!]).nearest).toBeGreaterThan(5);
  });
});
