/**
 * Loads the enterprises, divisions and contacts of the seed articles
 * (seed-data.ts): validated by the same rules as API writes, inserted in one
 * transaction, existing rows left alone.
 */
import type { DataSource } from "typeorm";
import { deterministicId } from "../../shared/records/ids";
import { InstitutionStatus } from "../../shared/domain/institution-status";
import type { Logger } from "../../shared/logger";
import { insertMissing } from "../../shared/database/seeding";
import { validate } from "../../shared/records/validation";
import { Contact } from "./entities/contact";
import { Division } from "./entities/division";
import { Enterprise } from "./entities/enterprise";
import { EnterpriseName } from "./entities/enterprise-name";
import { enterpriseSeeds, type SeedEnterprise } from "./seed-data";
import { contactRules, divisionRules, enterpriseRules } from "./fields";

export const enterpriseId = (slug: string) => deterministicId("Enterprise", slug);
export const divisionId = (slug: string) => deterministicId("Division", slug);

export async function seed(dataSource: DataSource, logger: Logger, seeds: SeedEnterprise[] = enterpriseSeeds): Promise<void> {
  // Everything is checked before anything is written.
  seeds.forEach((e, i) => {
    validate(e, enterpriseRules, `enterprises[${i}]`);
    e.divisions?.forEach((d, j) => validate(d, divisionRules, `enterprises[${i}].divisions[${j}]`));
    e.contacts?.forEach((c, j) => validate(c, contactRules, `enterprises[${i}].contacts[${j}]`));
  });
  await dataSource.transaction(async (manager) => {
    const counts = { enterprises: 0, names: 0, divisions: 0, contacts: 0 };
    for (const { divisions = [], contacts = [], names, industryCodes, ...enterprise } of seeds) {
      const id = enterpriseId(enterprise.slug);
      counts.enterprises += await insertMissing(manager, Enterprise, [
        { ...enterprise, id, industryCodes: industryCodes ?? [], status: InstitutionStatus.ACTIVE },
      ]);
      counts.names += await insertMissing(
        manager,
        EnterpriseName,
        (names ?? []).map((n) => ({ ...n, id: deterministicId("EnterpriseName", `${enterprise.slug}:${n.lang}:${n.value}`), enterpriseId: id })),
      );
      // Parents before children: a division's parent must exist first.
      for (const { parent, ...division } of [...divisions].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)))) {
        counts.divisions += await insertMissing(manager, Division, [
          { ...division, id: divisionId(division.slug), enterpriseId: id, parentId: parent ? divisionId(parent) : null },
        ]);
      }
      counts.contacts += await insertMissing(
        manager,
        Contact,
        contacts.map(({ division, ...contact }) => ({
          ...contact,
          id: deterministicId("Contact", `${enterprise.slug}:${contact.name}`),
          enterpriseId: id,
          divisionId: division ? divisionId(division) : null,
        })),
      );
    }
    logger.info(counts, "seeded enterprises");
  });
}
