/**
 * A small window into the network chart for the browser test and the
 * benchmark (a canvas has no DOM to click): where a node is on screen, and
 * which node the pointer is over (nodes and labels can overlap, so a test
 * clicks where it knows what is underneath), and the same selection a click
 * makes. `window.partnerGraphDashboard`.
 */
import type { Chart } from "./charts";

interface Probe {
  /** The node's centre in page pixels, or null. */
  nodePosition(slug: string): [number, number] | null;
  /** Node slugs in the chart, most programs first. */
  slugs: string[];
  /** The slug of the node under the pointer, as the chart's own hit test found it, or null. */
  hovered: string | null;
  /** Selects a node as a click on it does. */
  select(slug: string): void;
}

let current: { chart: Chart; slugs: string[]; select(slug: string): void; hovered: string | null } | undefined;

export const networkProbe = {
  attach(chart: Chart, slugs: string[], select: (slug: string) => void) {
    const attached = { chart, slugs, select, hovered: null as string | null };
    current = attached;
    chart.on("mouseover", (event) => {
      if (event.dataType === "node") attached.hovered = (event.data as { name?: string } | undefined)?.name ?? null;
    });
    chart.on("mouseout", () => {
      attached.hovered = null;
    });
  },
};

const probe: Probe = {
  get slugs() {
    return current?.slugs ?? [];
  },
  get hovered() {
    return current?.hovered ?? null;
  },
  select(slug) {
    current?.select(slug);
  },
  nodePosition(slug) {
    if (!current || current.chart.isDisposed()) return null;
    const index = current.slugs.indexOf(slug);
    if (index < 0) return null;
    // The series' own layout, in its zoomed and panned coordinates, turned into pixels of the chart element.
    const model = (current.chart as unknown as { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): number[] } } } }).getModel();
    const layout = model.getSeriesByIndex(0).getData().getItemLayout(index);
    const [x, y] = current.chart.convertToPixel({ seriesIndex: 0 }, layout) as number[];
    const box = current.chart.getDom().getBoundingClientRect();
    return [box.left + x, box.top + y];
  },
};

(window as unknown as { partnerGraphDashboard: Probe }).partnerGraphDashboard = probe;
