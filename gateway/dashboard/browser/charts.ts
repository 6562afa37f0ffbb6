/**
 * ECharts 6, only the parts the dashboard draws (bars, the network graph,
 * the world map), rendered on canvas. Every chart made here is disposed of
 * when the view changes, and whatever a view registered with whenDisposed()
 * (the network's layout worker) is stopped then too.
 */
import { BarChart, GraphChart, MapChart } from "echarts/charts";
import { GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, GraphChart, MapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };
export type Chart = echarts.ECharts;

const live = new Set<Chart>();
const cleanups = new Set<() => void>();

/**
 * `lazy`: the options are merged now, and the chart is processed and drawn at the next animation
 * frame, in a task of its own (for the network, whose hundreds of elements take a while to draw).
 */
export function makeChart(element: HTMLElement, option: echarts.EChartsCoreOption, lazy = false): Chart {
  const chart = echarts.init(element, undefined, { renderer: "canvas" });
  chart.setOption(option, { lazyUpdate: lazy });
  live.add(chart);
  return chart;
}

export function disposeCharts(): void {
  for (const chart of live) chart.dispose();
  live.clear();
  for (const cleanup of cleanups) cleanup();
  cleanups.clear();
}

/** Runs `cleanup` when the view is left (the next disposeCharts()). */
export function whenDisposed(cleanup: () => void): void {
  cleanups.add(cleanup);
}

window.addEventListener("resize", () => {
  for (const chart of live) chart.resize();
});

/** Institution type colours, the same in the network, the legend and the tables. */
export const TYPE_COLOURS: Record<string, string> = { ENTERPRISE: "#d9822b", UNIVERSITY: "#2b6cb0" };

/** A bar chart of labelled counts; horizontal when the labels are long. */
export function barChart(element: HTMLElement, labels: string[], values: number[], horizontal = false): Chart {
  const category = { type: "category", data: labels, axisLabel: { interval: 0, width: 160, overflow: "truncate" } };
  const value = { type: "value", minInterval: 1 };
  return makeChart(element, {
    animation: false,
    grid: { left: horizontal ? 170 : 40, right: 20, top: 10, bottom: 30 },
    tooltip: { trigger: "axis" },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: "bar", data: values, itemStyle: { color: "#2b6cb0" }, label: { show: true, position: horizontal ? "right" : "top" } }],
  });
}
