/**
 * Partners by country on a world map: world-atlas's 1:110m country
 * topology, bundled into the page and turned into GeoJSON with
 * topojson-client, countries named by their alpha-2 code as the graph
 * names them; the figures are `programStats` by COUNTRY.
 */
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { ask } from "./api";
import { echarts, makeChart } from "./charts";
import { config } from "./config";
import { currentLanguage, formatNumber, t } from "./i18n";
import { h, section, table } from "./dom";
import type { ViewContext } from "./view-context";

let registered = false;

function registerWorld(): void {
  if (registered) return;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  // Antarctica (010) takes a fifth of the map and has no partners.
  countries.features = countries.features.filter((country) => String(country.id) !== "010");
  for (const country of countries.features) {
    unwrapAntimeridian(country.geometry);
    // ECharts matches data to regions by `properties.name`: the alpha-2 code, or world-atlas's name where ISO has no number (Kosovo).
    country.properties = { name: config.countryCodes[String(country.id)] ?? country.properties?.name ?? "" };
  }
  echarts.registerMap("world", countries as never);
  registered = true;
}

/**
 * Russia's Chukotka and Fiji cross the 180th meridian: their rings jump from
 * +180 to -180, which a flat map draws as a band across the whole world.
 * Such a ring is continued east of +180 instead.
 */
function unwrapAntimeridian(geometry: { type: string; coordinates?: unknown } | null): void {
  if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) return;
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  for (const ring of polygons.flat()) {
    const crosses = ring.some((point, index) => index > 0 && Math.abs(point[0] - ring[index - 1][0]) > 180);
    if (crosses) for (const point of ring) if (point[0] < 0) point[0] += 360;
  }
}

export async function renderMap(root: HTMLElement, context: ViewContext): Promise<void> {
  registerWorld();
  const [{ programStats }, { countries }] = await Promise.all([
    ask<{ programStats: { key: string; programCount: number }[] }>("DashboardProgramStats", { filter: context.filter, groupBy: "COUNTRY" }),
    ask<{ countries: { code: string; name: string }[] }>("DashboardCountries", { lang: currentLanguage() }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const rows = programStats.filter((bucket) => bucket.key).sort((a, b) => b.programCount - a.programCount);
  const chartElement = h("div", { class: "chart map-chart", "data-testid": "map-chart" });
  root.append(
    section(
      t("byCountry"),
      h("div", { class: "map" }, chartElement, table([t("country"), t("count")], rows.map((row) => [names.get(row.key) ?? row.key, formatNumber(row.programCount)]), "by-country")),
    ),
  );
  makeChart(chartElement, {
    tooltip: { trigger: "item", formatter: (item: { name: string; value?: number }) => `${names.get(item.name) ?? item.name}: ${Number.isFinite(item.value) ? item.value : 0}` },
    visualMap: { min: 0, max: Math.max(1, ...rows.map((row) => row.programCount)), left: 10, bottom: 10, inRange: { color: ["#dbe8f6", "#2b6cb0"] }, calculable: true },
    series: [
      {
        type: "map",
        map: "world",
        roam: true,
        itemStyle: { areaColor: "#f1f3f5", borderColor: "#b8c2cc", borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#f6c26b" } },
        data: rows.map((row) => ({ name: row.key, value: row.programCount })),
      },
    ],
  });
}
