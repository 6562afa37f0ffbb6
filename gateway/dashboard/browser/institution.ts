/** One institution's page: its partners, its programs with status and dates, its units, its programs' activities. */
import type { ProgramSummary } from "../program-summary";
import { ask } from "./api";
import { h, section, table } from "./dom";
import { enumLabel, formatNumber, localName, t, type NamedInstitution } from "./i18n";
import type { ViewContext } from "./view-context";

interface Activity {
  title: string;
  kind: string;
  status: string;
  startsOn: string | null;
  plannedParticipants: number | null;
  actualParticipants: number | null;
}

interface Program extends ProgramSummary {
  activities: Activity[];
}

interface Partnership {
  partnerType: string;
  programCount: number;
  activeProgramCount: number;
  latestSignedOn: string | null;
  partner: NamedInstitution & { slug: string; countryCode: string };
}

export async function renderInstitution(root: HTMLElement, context: ViewContext): Promise<void> {
  const slug = context.state.slug ?? "ammc";
  const { enterprise, university } = await ask("DashboardInstitution", { slug });
  const institution = enterprise ?? university;
  if (!institution) {
    root.append(section(t("institution"), h("p", { "data-testid": "not-found" }, `${t("notFound")}: ${slug}`)));
    return;
  }
  const partners: Partnership[] = institution.partners ?? [];
  const programs: Program[] = institution.programs?.nodes ?? [];
  const units: { slug: string; name: string; kind?: string }[] = [...(institution.divisions ?? []), ...(institution.branches ?? []), ...(institution.departments ?? [])];
  const activities = programs.flatMap((program) => program.activities.map((activity) => ({ program, activity })));
  const exportLink = h("a", { href: `/export/partners.csv?institution=${encodeURIComponent(slug)}`, "data-testid": "export-partners" }, `${t("download")} CSV`);
  root.append(
    h(
      "header",
      { class: "institution-header" },
      h("h2", { "data-testid": "institution-name" }, localName(institution)),
      h("p", {}, [enumLabel(enterprise ? "ENTERPRISE" : institution.kind), institution.city, institution.countryCode].filter(Boolean).join(" · ")),
    ),
    h(
      "div",
      { class: "columns" },
      section(
        `${t("partners")}: ${formatNumber(partners.length)}`,
        exportLink,
        table(
          [t("partners"), t("kind"), t("country"), t("programs"), t("programsActive")],
          partners.map((p) => [context.link(localName(p.partner), { view: "institution", slug: p.partner.slug }, "partner-link"), enumLabel(p.partnerType), p.partner.countryCode, p.programCount, p.activeProgramCount]),
          "partners",
        ),
      ),
      section(
        `${t("units")}: ${formatNumber(units.length)}`,
        units.length ? h("ul", { class: "unit-list", "data-testid": "units" }, units.map((unit) => h("li", {}, unit.name, unit.kind ? ` · ${enumLabel(unit.kind)}` : ""))) : h("p", {}, t("noneYet")),
      ),
    ),
    section(
      `${t("programs")}: ${formatNumber(institution.programs?.totalCount ?? 0)}`,
      table(
        [t("titleColumn"), t("kind"), t("status"), t("signedOn"), t("startsOn"), t("endsOn")],
        programs.map((program) => [context.link(program.title, { view: "program", slug: program.slug }), enumLabel(program.kind), enumLabel(program.status), program.signedOn, program.startsOn, program.endsOn]),
        "programs",
      ),
    ),
    section(
      t("activitiesOf"),
      activities.length
        ? table(
            [t("titleColumn"), t("program"), t("status"), t("startsOn"), t("participants")],
            activities.map(({ program, activity }) => [activity.title, program.title, enumLabel(activity.status), activity.startsOn, `${activity.plannedParticipants ?? "–"} / ${activity.actualParticipants ?? "–"}`]),
            "activities",
          )
        : h("p", {}, t("noneYet")),
    ),
  );
}
