/** The DataLoaders of one request to the programs subgraph; the statements they batch are in sql/. */
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loaderByParent, loadersByKey, type RecordLookup } from "../../shared/graphql/dataloaders";
import { pagesByParent, type Page, type PageArgs } from "../../shared/graphql/pagination";
import { Activity } from "./entities/activity";
import { Program } from "./entities/program";
import { ProgramDirection } from "./entities/program-direction";
import { ProgramApproval } from "./entities/program-approval";
import { ProgramParty } from "./entities/program-party";
import { ProgramVersion } from "./entities/program-version";
import type { ProgramFilter } from "./resolvers/filters";
import { PROGRAM_ORDER } from "./sql/program-list";
import { partnershipsOf } from "./sql/partnerships";
import { programCountsOfOwners, programsOfOwners, type ProgramOwner } from "./sql/programs-of-owner";
import type { Partnership } from "./types/partnership";

export function createLoaders(dataSource: DataSource, lookup: RecordLookup) {

  // One loader per owner kind and distinct (filter, first, after) asked for in this request.
  const pageLoaders = loadersByKey<Page<Program>>();
  const programsOfOwner = (owner: ProgramOwner, filter: ProgramFilter | null, args: PageArgs) =>
    pageLoaders([owner, filter, args.first, args.after], () => {
      const counts = new DataLoader<string, number>((ownerIds) => programCountsOfOwners(dataSource, owner, ownerIds, filter));
      return new DataLoader((ownerIds) =>
        pagesByParent({
          parentIds: ownerIds,
          query: programsOfOwners(dataSource, owner, ownerIds, filter),
          parentKey: "link.owner_id",
          order: PROGRAM_ORDER,
          args,
          loadByIds: (ids) => lookup(Program).loadMany(ids) as Promise<(Program | Error | null)[]>,
          countTotal: (id) => counts.load(id),
        }),
      );
    });

  // One loader per distinct filter of `partners` asked for in this request.
  const partnerLoaders = loadersByKey<Partnership[]>();
  const partnersOfInstitution = (filter: ProgramFilter | null) =>
    partnerLoaders(filter, () => new DataLoader<string, Partnership[]>((institutionIds) => partnershipsOf(dataSource, institutionIds, filter)));

  return {
    partiesByProgram: loaderByParent(dataSource, ProgramParty, "programId", [{ property: "role" }, { property: "id" }]),
    directionsByProgram: loaderByParent(dataSource, ProgramDirection, "programId", [{ property: "position" }]),
    versionsByProgram: loaderByParent(dataSource, ProgramVersion, "programId", [{ property: "number" }]),
    approvalsByProgram: loaderByParent(dataSource, ProgramApproval, "programId", [{ property: "createdAt" }, { property: "id" }]),
    activitiesByProgram: loaderByParent(dataSource, Activity, "programId", [{ property: "startsOn" }, { property: "title" }]),
    programsOfOwner,
    partnersOfInstitution,
  };
}
