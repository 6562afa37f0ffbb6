/**
 * Loads the universities, branches, departments and people of the seed
 * articles (seed-data.ts): validated by the same rules as API writes,
 * inserted in one transaction, existing rows left alone.
 */
import type { DataSource } from "typeorm";
import { deterministicId } from "../../shared/records/ids";
import { InstitutionStatus } from "../../shared/domain/institution-status";
import type { Logger } from "../../shared/logger";
import { insertMissing } from "../../shared/database/seeding";
import { validate } from "../../shared/records/validation";
import { Department } from "./entities/department";
import { Person } from "./entities/person";
import { University } from "./entities/university";
import { UniversityName } from "./entities/university-name";
import { universitySeeds, type SeedUniversity } from "./seed-data";
import { departmentRules, personRules, universityRules } from "./fields";

export const universityId = (slug: string) => deterministicId("University", slug);
export const departmentId = (slug: string) => deterministicId("Department", slug);


export async function seed(dataSource: DataSource, logger: Logger, seeds: SeedUniversity[] = universitySeeds): Promise<void> {
  // Everything is checked before anything is written.
  seeds.forEach(({ parent, ...u }, i) => {
    validate({ ...u, parentId: parent ? universityId(parent) : null }, universityRules, `universities[${i}]`);
    u.departments?.forEach((d, j) => validate(d, departmentRules, `universities[${i}].departments[${j}]`));
    u.people?.forEach((p, j) => validate(p, personRules, `universities[${i}].people[${j}]`));
  });
  await dataSource.transaction(async (manager) => {
    const counts = { universities: 0, names: 0, departments: 0, people: 0 };
    // Parents first: a branch's university must exist before the branch.
    const ordered = [...seeds].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
    for (const { departments = [], people = [], names, parent, fieldCodes, ...university } of ordered) {
      const id = universityId(university.slug);
      counts.universities += await insertMissing(manager, University, [
        { ...university, id, parentId: parent ? universityId(parent) : null, fieldCodes: fieldCodes ?? [], status: InstitutionStatus.ACTIVE },
      ]);
      counts.names += await insertMissing(
        manager,
        UniversityName,
        (names ?? []).map((n) => ({ ...n, id: deterministicId("UniversityName", `${university.slug}:${n.lang}:${n.value}`), universityId: id })),
      );
      for (const { parent: parentDepartment, fieldCodes: departmentFields, ...department } of [...departments].sort(
        (a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)),
      )) {
        counts.departments += await insertMissing(manager, Department, [
          {
            ...department,
            id: departmentId(department.slug),
            universityId: id,
            parentId: parentDepartment ? departmentId(parentDepartment) : null,
            fieldCodes: departmentFields ?? [],
          },
        ]);
      }
      counts.people += await insertMissing(
        manager,
        Person,
        people.map(({ department, honours, ...person }) => ({
          ...person,
          id: deterministicId("Person", `${university.slug}:${person.name}`),
          universityId: id,
          departmentId: department ? departmentId(department) : null,
          honours: (honours ?? []) as Person["honours"],
        })),
      );
    }
    logger.info(counts, "seeded universities");
  });
}
