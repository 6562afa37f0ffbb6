/** A page of programs, as every list of programs answers. */
import { connectionType } from "../../../shared/graphql/pagination";
import { Program } from "../entities/program";

export const ProgramConnection = connectionType("Program", Program, "programs");
