/** The universities, branches and departments named in the seed articles (shared/seeds). */
import type { DataSource } from "typeorm";
import { deterministicId } from "../../shared/ids";
import { InstitutionStatus } from "../../shared/institution-status";
import type { Logger } from "../../shared/logger";
import { SEED_FILES, insertMissing } from "../../shared/seeding";
import { Department } from "./entities/department";
import { DepartmentKind, UniversityKind } from "./entities/enums";
import { University } from "./entities/university";

export const universityId = (slug: string) => deterministicId("University", slug);
export const departmentId = (slug: string) => deterministicId("Department", slug);

const universities = [
  { slug: "tashstu", name: "Tashkent State Technical University", shortName: "TashSTU", kind: UniversityKind.UNIVERSITY, parent: null, countryCode: "UZ", city: "Tashkent", source: SEED_FILES.ammcEngineeringSchool },
  { slug: "tashstu-almalyk", name: "Tashkent State Technical University, Almalyk branch", shortName: "TashSTU Almalyk", kind: UniversityKind.BRANCH, parent: "tashstu", countryCode: "UZ", city: "Almalyk", source: SEED_FILES.ammcEngineeringSchool },
  { slug: "osh-technological-university", name: "Osh Technological University", shortName: null, kind: UniversityKind.UNIVERSITY, parent: null, countryCode: "KG", city: "Osh", source: SEED_FILES.ammcScienceIndustry },
  { slug: "mongolian-state-university", name: "Mongolian State University", shortName: null, kind: UniversityKind.UNIVERSITY, parent: null, countryCode: "MN", city: null, source: SEED_FILES.ammcScienceIndustry },
  { slug: "university-of-geological-sciences", name: "University of Geological Sciences", shortName: null, kind: UniversityKind.UNIVERSITY, parent: null, countryCode: "UZ", city: null, source: SEED_FILES.ammcScienceIndustry },
  { slug: "stupino-technical-school", name: "Stupino Technical School named after A.T. Tumanov", shortName: null, kind: UniversityKind.TECHNICAL_SCHOOL, parent: null, countryCode: "RU", city: "Stupino", source: SEED_FILES.stupinoAgreement },
  { slug: "academy-of-sciences-uzbekistan", name: "Academy of Sciences of the Republic of Uzbekistan", shortName: null, kind: UniversityKind.ACADEMY_OF_SCIENCES, parent: null, countryCode: "UZ", city: null, source: SEED_FILES.academyMemorandum },
  { slug: "nust-misis", name: "National University of Science and Technology MISIS", shortName: "NUST MISIS", kind: UniversityKind.UNIVERSITY, parent: null, countryCode: "RU", city: null, source: SEED_FILES.misisWuhanAgreement },
  { slug: "nust-misis-almalyk", name: "National University of Science and Technology MISIS, Almalyk branch", shortName: "NUST MISIS Almalyk", kind: UniversityKind.BRANCH, parent: "nust-misis", countryCode: "UZ", city: "Almalyk", source: SEED_FILES.misisWuhanAgreement },
  { slug: "wuhan-university-of-science-and-technology", name: "Wuhan University of Science and Technology", shortName: "WUST", kind: UniversityKind.UNIVERSITY, parent: null, countryCode: "CN", city: "Wuhan", source: SEED_FILES.misisWuhanAgreement },
];

const departments = [
  { slug: "tashstu-almalyk-power-engineering-faculty", university: "tashstu-almalyk", parent: null, name: "Faculty of Power Engineering and Mechanical Engineering", kind: DepartmentKind.FACULTY, source: SEED_FILES.ammcEngineeringSchool },
  { slug: "tashstu-almalyk-technological-machines", university: "tashstu-almalyk", parent: "tashstu-almalyk-power-engineering-faculty", name: "Technological Machines and Equipment", kind: DepartmentKind.DEPARTMENT, source: SEED_FILES.ammcEngineeringSchool },
  { slug: "tashstu-almalyk-mechanical-engineering-technology", university: "tashstu-almalyk", parent: "tashstu-almalyk-power-engineering-faculty", name: "Mechanical Engineering Technology", kind: DepartmentKind.DEPARTMENT, source: SEED_FILES.ammcEngineeringSchool },
  { slug: "ugs-mining-operations-and-technologies", university: "university-of-geological-sciences", parent: null, name: "Mining Operations and Technologies", kind: DepartmentKind.DEPARTMENT, source: SEED_FILES.ammcScienceIndustry },
  { slug: "msu-geology-and-geophysics-faculty", university: "mongolian-state-university", parent: null, name: "Faculty of Geology and Geophysics", kind: DepartmentKind.FACULTY, source: SEED_FILES.ammcScienceIndustry },
];

export async function seed(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (manager) => {
    let added = 0;
    // Parents first: a branch's university must exist before the branch.
    for (const u of [...universities].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null))) {
      const { parent, ...fields } = u;
      added += await insertMissing(manager, University, [
        { ...fields, id: universityId(u.slug), parentId: parent ? universityId(parent) : null, status: InstitutionStatus.ACTIVE },
      ]);
    }
    let addedDepartments = 0;
    for (const d of [...departments].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null))) {
      addedDepartments += await insertMissing(manager, Department, [
        {
          id: departmentId(d.slug),
          slug: d.slug,
          name: d.name,
          kind: d.kind,
          universityId: universityId(d.university),
          parentId: d.parent ? departmentId(d.parent) : null,
          source: d.source,
        },
      ]);
    }
    logger.info({ universities: added, departments: addedDepartments }, "seeded universities");
  });
}
