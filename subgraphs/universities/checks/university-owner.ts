/** Departments and people belong to a university: how their writes name and check it. */
import type { RecordOwner } from "../../../shared/records/owner";
import { University } from "../entities/university";

export const UNIVERSITY_OWNS: RecordOwner = { entity: University, typeName: "University", property: "universityId", column: "university_id" };
