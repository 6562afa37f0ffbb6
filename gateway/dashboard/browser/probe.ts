/**
 * A small window into the network chart for the browser test and the
 * benchmark (a canvas has no DOM to click): where a node is on screen, and
 * whether the force layout has settled. `window.partnerGraphDashboard`.
 */
import type { Chart } from "./charts";

interface Probe {
  /** The node's centre in page pixels, or null. */
  nodePosition(slug: string): [number, number] | null;
  /** Node slugs in the chart, most programs first. */
  slugs: string[];
}

let current: { chart: Chart; slugs: string[] } | undefined;

export const networkProbe = {
  attach(chart: Chart, slugs: string[]) {
    current = { chart, slugs };
  },
};

const probe: Probe = {
  get slugs() {
    return current?.slugs ?? [];
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
