/** Agreements in force that end within 90 days, each linking to its program's page. */
import { ask } from "./api";
import { h, section, table } from "./dom";
import { enumLabel, formatNumber, localName, t, type NamedInstitution } from "./i18n";
import type { ViewContext } from "./view-context";

interface ExpiringProgram {
  slug: string;
  title: string;
  kind: string;
  status: string;
  endsOn: string;
  parties: { role: string; institution: NamedInstitution }[];
}

export async function renderExpiring(root: HTMLElement, context: ViewContext): Promise<void> {
  const { programs } = await ask<{ programs: { totalCount: number; nodes: ExpiringProgram[] } }>("DashboardExpiring", {
    filter: { ...context.filter, expiringWithinDays: 90 },
    first: 200,
  });
  const rows = [...programs.nodes].sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  root.append(
    section(
      `${t("expiringSoon")}: ${formatNumber(programs.totalCount)}`,
      rows.length
        ? table(
            [t("endsOn"), t("titleColumn"), t("kind"), t("parties")],
            rows.map((program) => [
              program.endsOn,
              context.link(program.title, { view: "program", slug: program.slug }, "expiring-link"),
              enumLabel(program.kind),
              program.parties.map((party) => localName(party.institution)).join(", "),
            ]),
            "expiring",
          )
        : h("p", { "data-testid": "expiring-none" }, t("noneYet")),
    ),
  );
}
