/**
 * ISCED-F 2013 fields of education and training used in the graph: broad (2
 * digits), narrow (3) and detailed (4) fields, labelled in English and
 * Russian. Add a code here before using it in data.
 */
export const FIELDS_OF_EDUCATION: Record<string, { en: string; ru: string }> = {
  "03": { en: "Social sciences, journalism and information", ru: "Социальные науки, журналистика и информация" },
  "0311": { en: "Economics", ru: "Экономика" },
  "04": { en: "Business, administration and law", ru: "Бизнес, администрирование и право" },
  "0413": { en: "Management and administration", ru: "Менеджмент и администрирование" },
  "05": { en: "Natural sciences, mathematics and statistics", ru: "Естественные науки, математика и статистика" },
  "0531": { en: "Chemistry", ru: "Химия" },
  "0532": { en: "Earth sciences", ru: "Науки о Земле" },
  "0533": { en: "Physics", ru: "Физика" },
  "0541": { en: "Mathematics", ru: "Математика" },
  "06": { en: "Information and communication technologies", ru: "Информационно-коммуникационные технологии" },
  "0613": { en: "Software and applications development and analysis", ru: "Разработка и анализ программного обеспечения и приложений" },
  "07": { en: "Engineering, manufacturing and construction", ru: "Инженерное дело, обрабатывающее производство и строительство" },
  "071": { en: "Engineering and engineering trades", ru: "Инженерное дело и инженерные профессии" },
  "0711": { en: "Chemical engineering and processes", ru: "Химическая технология и процессы" },
  "0712": { en: "Environmental protection technology", ru: "Технологии защиты окружающей среды" },
  "0713": { en: "Electricity and energy", ru: "Электроэнергетика и энергетика" },
  "0714": { en: "Electronics and automation", ru: "Электроника и автоматизация" },
  "0715": { en: "Mechanics and metal trades", ru: "Механика и металлообработка" },
  "072": { en: "Manufacturing and processing", ru: "Обрабатывающее производство и переработка" },
  "0722": { en: "Materials (glass, paper, plastic and wood)", ru: "Материалы (стекло, бумага, пластмасса и дерево)" },
  "0724": { en: "Mining and extraction", ru: "Горное дело и добыча" },
  "0788": { en: "Inter-disciplinary programmes and qualifications involving engineering, manufacturing and construction", ru: "Междисциплинарные программы в области инженерного дела, производства и строительства" },
};

export function isFieldOfEducation(code: string): boolean {
  return Object.hasOwn(FIELDS_OF_EDUCATION, code);
}
