/** A page of universities, as the universities list answers. */
import { connectionType } from "../../../shared/graphql/pagination";
import { University } from "../entities/university";

export const UniversityConnection = connectionType("University", University, "universities");
