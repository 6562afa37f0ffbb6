/** Validation rules for input shapes more than one subgraph accepts. */
import { NameKind, type LocalizedNameInput } from "./localized-name";
import { languageTag, oneOf, required, text, type Rules } from "./validation";

export const localizedNameRules: Rules<LocalizedNameInput> = {
  value: [required, text(300)],
  lang: [required, languageTag],
  kind: [required, oneOf(NameKind)],
};
