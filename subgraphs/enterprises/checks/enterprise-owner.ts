/** Divisions and contacts belong to an enterprise: how their writes name and check it. */
import type { RecordOwner } from "../../../shared/records/owner";
import { Enterprise } from "../entities/enterprise";

export const ENTERPRISE_OWNS: RecordOwner = { entity: Enterprise, typeName: "Enterprise", property: "enterpriseId", column: "enterprise_id" };
