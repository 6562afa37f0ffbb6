/** Every import layout, by the name the command line and the URL use (`/import/programs`). */
import type { ImportLayout } from "../shared/import/layout";
import { contactLayout, divisionLayout } from "./enterprises/import/layouts";
import { programLayout } from "./programs/import/program-layout";
import { departmentLayout, personLayout } from "./universities/import/layouts";

export const IMPORT_LAYOUTS: readonly ImportLayout[] = [programLayout, divisionLayout, contactLayout, departmentLayout, personLayout];

export function importLayout(name: string): ImportLayout | undefined {
  return IMPORT_LAYOUTS.find((layout) => layout.name === name);
}
