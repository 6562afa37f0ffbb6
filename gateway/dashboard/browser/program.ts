/** One program's page: kind, status, dates, parties (linking to their pages) and activities. */
import { ask } from "./api";
import { h, section, table } from "./dom";
import { enumLabel, localName, t } from "./i18n";
import type { ViewContext } from "./view-context";

export async function renderProgram(root: HTMLElement, context: ViewContext): Promise<void> {
  const slug = context.state.slug ?? "";
  const { program } = await ask("DashboardProgram", { slug });
  if (!program) {
    root.append(section(t("program"), h("p", { "data-testid": "not-found" }, `${t("notFound")}: ${slug}`)));
    return;
  }
  root.append(
    h("header", { class: "institution-header" }, h("h2", { "data-testid": "program-title" }, program.title), h("p", {}, `${enumLabel(program.kind)} · ${enumLabel(program.status)}`)),
    section(
      t("program"),
      table([t("signedOn"), t("startsOn"), t("endsOn")], [[program.signedOn, program.startsOn, program.endsOn]]),
      program.description ? h("p", {}, program.description) : null,
    ),
    section(
      t("parties"),
      table(
        [t("institution"), t("kind"), t("role")],
        program.parties.map((party: any) => [context.link(localName(party.institution), { view: "institution", slug: party.institution.slug }), enumLabel(party.institutionType), enumLabel(party.role)]),
        "program-parties",
      ),
    ),
    section(
      t("activities"),
      program.activities.length
        ? table(
            [t("titleColumn"), t("status"), t("startsOn"), t("participants")],
            program.activities.map((activity: any) => [activity.title, enumLabel(activity.status), activity.startsOn, `${activity.plannedParticipants ?? "–"} / ${activity.actualParticipants ?? "–"}`]),
          )
        : h("p", {}, t("noneYet")),
    ),
  );
}
