/**
 * NACE Rev. 2 industries used in the graph (sections, divisions, classes),
 * labelled in English and Russian (Russia's OKVED 2 follows NACE). Add a code
 * here before using it in data.
 */
export const INDUSTRIES: Record<string, { en: string; ru: string }> = {
  B: { en: "Mining and quarrying", ru: "Добыча полезных ископаемых" },
  "07": { en: "Mining of metal ores", ru: "Добыча металлических руд" },
  "07.29": { en: "Mining of other non-ferrous metal ores", ru: "Добыча руд прочих цветных металлов" },
  C: { en: "Manufacturing", ru: "Обрабатывающие производства" },
  "24": { en: "Manufacture of basic metals", ru: "Производство металлургическое" },
  "24.41": { en: "Precious metals production", ru: "Производство драгоценных металлов" },
  "24.43": { en: "Lead, zinc and tin production", ru: "Производство свинца, цинка и олова" },
  "24.44": { en: "Copper production", ru: "Производство меди" },
  "24.45": { en: "Other non-ferrous metal production", ru: "Производство прочих цветных металлов" },
  "28": { en: "Manufacture of machinery and equipment n.e.c.", ru: "Производство машин и оборудования, не включенных в другие группировки" },
  M: { en: "Professional, scientific and technical activities", ru: "Деятельность профессиональная, научная и техническая" },
  "72": { en: "Scientific research and development", ru: "Научные исследования и разработки" },
  P: { en: "Education", ru: "Образование" },
  "85": { en: "Education", ru: "Образование" },
};

export function isIndustryCode(code: string): boolean {
  return Object.hasOwn(INDUSTRIES, code);
}
