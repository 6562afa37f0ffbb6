/**
 * Loads the programs of the seed articles (seed-data.ts): validated by the
 * same rules as API writes, inserted in one transaction, existing rows left
 * alone.
 */
import type { DataSource } from "typeorm";
import { deterministicId } from "../../shared/records/ids";
import type { Logger } from "../../shared/logger";
import { insertMissing } from "../../shared/database/seeding";
import { validate } from "../../shared/records/validation";
import { Activity } from "./entities/activity";
import { Program } from "./entities/program";
import { ProgramDirection } from "./entities/program-direction";
import { ProgramParty } from "./entities/program-party";
import { programSeeds, type SeedProgram } from "./seed-data";
import { programRules } from "./fields";

export const programId = (slug: string) => deterministicId("Program", slug);

export async function seed(dataSource: DataSource, logger: Logger, seeds: SeedProgram[] = programSeeds): Promise<void> {
  // Everything is checked before anything is written.
  seeds.forEach((program, i) => validate(program, programRules, `programs[${i}]`));
  await dataSource.transaction(async (manager) => {
    const counts = { programs: 0, parties: 0, directions: 0, activities: 0 };
    for (const { parties, directions, activities, fieldCodes, ...program } of seeds) {
      const id = programId(program.slug);
      counts.programs += await insertMissing(manager, Program, [{ ...program, id, fieldCodes: fieldCodes ?? [] }]);
      counts.parties += await insertMissing(
        manager,
        ProgramParty,
        parties.map((party) => ({
          ...party,
          id: deterministicId("ProgramParty", `${program.slug}:${party.institutionId}:${party.unitId ?? ""}:${party.role}`),
          programId: id,
        })),
      );
      counts.directions += await insertMissing(
        manager,
        ProgramDirection,
        (directions ?? []).map((direction, position) => ({
          ...direction,
          id: deterministicId("ProgramDirection", `${program.slug}:${direction.direction}`),
          programId: id,
          position,
        })),
      );
      counts.activities += await insertMissing(
        manager,
        Activity,
        // An activity is a fact of its program's article.
        (activities ?? []).map((activity) => ({
          ...activity,
          id: deterministicId("Activity", `${program.slug}:${activity.title}`),
          programId: id,
          source: program.source,
        })),
      );
    }
    logger.info(counts, "seeded programs");
  });
}
