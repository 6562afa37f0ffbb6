/** The enterprises and divisions named in the seed articles (shared/seeds). */
import type { DataSource } from "typeorm";
import { deterministicId } from "../../shared/ids";
import type { Logger } from "../../shared/logger";
import { SEED_FILES, insertMissing } from "../../shared/seeding";
import { Division } from "./entities/division";
import { Enterprise } from "./entities/enterprise";
import { InstitutionStatus } from "../../shared/institution-status";
import { DivisionKind } from "./entities/enums";

export const enterpriseId = (slug: string) => deterministicId("Enterprise", slug);
export const divisionId = (slug: string) => deterministicId("Division", slug);

const enterprises = [
  { slug: "ammc", name: "Almalyk Mining and Metallurgical Complex", shortName: "AMMC", countryCode: "UZ", city: "Almalyk", source: SEED_FILES.ammcEngineeringSchool },
  { slug: "stupino-metallurgical-company", name: "Stupino Metallurgical Company", shortName: "CMK", countryCode: "RU", city: "Stupino", source: SEED_FILES.stupinoAgreement },
  { slug: "stupino-machine-production-plant", name: "Stupino Machine-Production Plant", shortName: "SMPP", countryCode: "RU", city: "Stupino", source: SEED_FILES.stupinoAgreement },
  { slug: "uzbekistan-technological-metals-combine", name: "Uzbekistan Technological Metals Combine", shortName: null, countryCode: "UZ", city: null, source: SEED_FILES.academyMemorandum },
];

const divisions = [
  { slug: "ammc-training-center", enterprise: "ammc", parent: null, name: "AMMC Training Center", kind: DivisionKind.TRAINING_CENTRE, source: SEED_FILES.ammcScienceIndustry },
  { slug: "ammc-engineering-school", enterprise: "ammc", parent: "ammc-training-center", name: "AMMC Engineering School", kind: DivisionKind.SCHOOL, source: SEED_FILES.ammcEngineeringSchool },
  { slug: "ammc-kalmakyr-mine", enterprise: "ammc", parent: null, name: "Kalmakyr mine", kind: DivisionKind.MINE, source: SEED_FILES.ammcScienceIndustry },
  { slug: "ammc-metallurg-cultural-palace", enterprise: "ammc", parent: null, name: "Metallurg Cultural Palace", kind: DivisionKind.CULTURAL_CENTRE, source: SEED_FILES.ammcScienceIndustry },
  { slug: "ammc-history-museum", enterprise: "ammc", parent: "ammc-metallurg-cultural-palace", name: "AMMC Honorary History Museum", kind: DivisionKind.MUSEUM, source: SEED_FILES.ammcScienceIndustry },
  { slug: "ammc-resources-and-mining-department", enterprise: "ammc", parent: null, name: "AMMC Resources and Mining Department", kind: DivisionKind.DEPARTMENT, source: SEED_FILES.ammcScienceIndustry },
];

export async function seed(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const added = await insertMissing(
      manager,
      Enterprise,
      enterprises.map((e) => ({ ...e, id: enterpriseId(e.slug), status: InstitutionStatus.ACTIVE })),
    );
    // Parents first: a division's parent must exist before it.
    let addedDivisions = 0;
    for (const d of [...divisions].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null))) {
      addedDivisions += await insertMissing(manager, Division, [
        {
          id: divisionId(d.slug),
          slug: d.slug,
          name: d.name,
          kind: d.kind,
          enterpriseId: enterpriseId(d.enterprise),
          parentId: d.parent ? divisionId(d.parent) : null,
          source: d.source,
        },
      ]);
    }
    logger.info({ enterprises: added, divisions: addedDivisions }, "seeded enterprises");
  });
}
