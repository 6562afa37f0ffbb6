/** KPI tiles, and programs by year signed and by kind (charts with their figures as tables). */
import { ask } from "./api";
import { barChart } from "./charts";
import { h, section, table } from "./dom";
import { enumLabel, formatNumber, t, type LabelKey } from "./i18n";
import type { ViewContext } from "./view-context";

interface Bucket {
  key: string | null;
  programCount: number;
  activityCount: number;
  plannedParticipants: number;
  actualParticipants: number;
}

const tile = (label: string, value: string, testId: string) =>
  h("div", { class: "tile", "data-testid": testId }, h("div", { class: "tile-value" }, value), h("div", { class: "tile-label" }, label));

export async function renderOverview(root: HTMLElement, context: ViewContext): Promise<void> {
  const filter = context.filter;
  const [kpis, byYear, byKind] = await Promise.all([
    ask("DashboardKpis", { filter, expiring: { ...filter, expiringWithinDays: 90 } }),
    ask<{ programStats: Bucket[] }>("DashboardProgramStats", { filter, groupBy: "YEAR_SIGNED" }),
    ask<{ programStats: Bucket[] }>("DashboardProgramStats", { filter, groupBy: "KIND" }),
  ]);
  const statuses: Bucket[] = kpis.byStatus;
  const sum = (field: keyof Omit<Bucket, "key">) => statuses.reduce((total, bucket) => total + bucket[field], 0);
  const withStatus = (status: string) => statuses.find((bucket) => bucket.key === status)?.programCount ?? 0;
  const kinds: [LabelKey, number][] = [
    ["ENTERPRISE", kpis.enterprises.totalCount],
    ["UNIVERSITY", kpis.universities.totalCount],
    ["BRANCH", kpis.branches.totalCount],
    ["TECHNICAL_SCHOOL", kpis.technicalSchools.totalCount],
    ["ACADEMY_OF_SCIENCES", kpis.academies.totalCount],
    ["RESEARCH_INSTITUTE", kpis.researchInstitutes.totalCount],
  ];

  const years = [...byYear.programStats].sort((a, b) => (a.key ?? "9999").localeCompare(b.key ?? "9999"));
  const yearChart = h("div", { class: "chart" });
  const kindChart = h("div", { class: "chart" });
  root.append(
    h(
      "div",
      { class: "tiles" },
      h(
        "div",
        { class: "tile tile-wide", "data-testid": "kpi-institutions" },
        h("div", { class: "tile-label" }, t("institutionsByKind")),
        h("ul", { class: "kind-list" }, kinds.map(([kind, count]) => h("li", {}, h("b", {}, formatNumber(count)), " ", enumLabel(kind)))),
      ),
      tile(t("programsActive"), formatNumber(withStatus("ACTIVE")), "kpi-active"),
      tile(t("programsDraft"), formatNumber(withStatus("DRAFT")), "kpi-draft"),
      tile(t("expiringSoon"), formatNumber(kpis.expiring.totalCount), "kpi-expiring"),
      tile(t("activities"), formatNumber(sum("activityCount")), "kpi-activities"),
      tile(t("participants"), `${formatNumber(sum("plannedParticipants"))} / ${formatNumber(sum("actualParticipants"))}`, "kpi-participants"),
    ),
    h(
      "div",
      { class: "columns" },
      section(t("byYear"), yearChart, table([t("year"), t("count")], years.map((b) => [b.key ?? t("undated"), b.programCount]), "by-year")),
      section(t("byKind"), kindChart, table([t("kind"), t("count")], byKind.programStats.map((b) => [enumLabel(b.key), b.programCount]), "by-kind")),
    ),
  );
  barChart(yearChart, years.map((b) => b.key ?? t("undated")), years.map((b) => b.programCount));
  barChart(kindChart, byKind.programStats.map((b) => enumLabel(b.key)), byKind.programStats.map((b) => b.programCount), true);
}
