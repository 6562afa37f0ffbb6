/** Every import layout, by the name the command line and the URL use (`/import/programs`). */
import type { ImportLayout } from "../shared/import/layout";
import { programLayout } from "./programs/import/program-layout";

export const IMPORT_LAYOUTS: readonly ImportLayout[] = [programLayout];

export function importLayout(name: string): ImportLayout | undefined {
  return IMPORT_LAYOUTS.find((layout) => layout.name === name);
}
