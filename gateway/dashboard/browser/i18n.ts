/**
 * The dashboard's labels in English, Russian and Uzbek (Latin script), and
 * institution names in the chosen language where the graph has them
 * (`names`, official name first), falling back to the canonical `name`.
 */

export const LANGUAGES = ["en", "ru", "uz"] as const;
export type Language = (typeof LANGUAGES)[number];

const LABELS = {
  title: { en: "PartnerGraph dashboard", ru: "Панель PartnerGraph", uz: "PartnerGraph paneli" },
  overview: { en: "Overview", ru: "Обзор", uz: "Umumiy" },
  network: { en: "Network", ru: "Сеть", uz: "Tarmoq" },
  map: { en: "Map", ru: "Карта", uz: "Xarita" },
  expiring: { en: "Expiring", ru: "Истекают", uz: "Muddati tugaydi" },
  institution: { en: "Institution", ru: "Организация", uz: "Tashkilot" },
  program: { en: "Program", ru: "Программа", uz: "Dastur" },
  enterprises: { en: "Enterprises", ru: "Предприятия", uz: "Korxonalar" },
  institutionsByKind: { en: "Institutions by kind", ru: "Организации по видам", uz: "Tashkilotlar turlari bo‘yicha" },
  programsActive: { en: "Programs active", ru: "Действующие программы", uz: "Amaldagi dasturlar" },
  programsDraft: { en: "Programs in draft", ru: "Проекты программ", uz: "Loyiha dasturlar" },
  expiringSoon: { en: "Expiring within 90 days", ru: "Истекают в течение 90 дней", uz: "90 kun ichida tugaydi" },
  activities: { en: "Activities", ru: "Мероприятия", uz: "Tadbirlar" },
  participants: { en: "Participants planned / actual", ru: "Участники: план / факт", uz: "Ishtirokchilar: reja / amalda" },
  byYear: { en: "Programs by year signed", ru: "Программы по году подписания", uz: "Dasturlar imzolangan yili bo‘yicha" },
  byKind: { en: "Programs by kind", ru: "Программы по видам", uz: "Dasturlar turlari bo‘yicha" },
  byCountry: { en: "Partners by country (programs with a party from the country)", ru: "Партнёры по странам (программы со стороной из страны)", uz: "Hamkorlar mamlakatlar bo‘yicha (mamlakatdan tomoni bor dasturlar)" },
  year: { en: "Year", ru: "Год", uz: "Yil" },
  undated: { en: "undated", ru: "без даты", uz: "sanasiz" },
  count: { en: "Programs", ru: "Программ", uz: "Dasturlar" },
  country: { en: "Country", ru: "Страна", uz: "Mamlakat" },
  kind: { en: "Kind", ru: "Вид", uz: "Turi" },
  status: { en: "Status", ru: "Статус", uz: "Holati" },
  role: { en: "Role", ru: "Роль", uz: "Roli" },
  titleColumn: { en: "Title", ru: "Название", uz: "Nomi" },
  parties: { en: "Parties", ru: "Стороны", uz: "Tomonlar" },
  endsOn: { en: "Ends on", ru: "Окончание", uz: "Tugash sanasi" },
  signedOn: { en: "Signed", ru: "Подписана", uz: "Imzolangan" },
  startsOn: { en: "Starts", ru: "Начало", uz: "Boshlanishi" },
  partners: { en: "Partners", ru: "Партнёры", uz: "Hamkorlar" },
  programs: { en: "Programs", ru: "Программы", uz: "Dasturlar" },
  units: { en: "Units", ru: "Подразделения", uz: "Bo‘linmalar" },
  noneYet: { en: "None", ru: "Нет", uz: "Yo‘q" },
  maxEdges: { en: "Links shown (heaviest first)", ru: "Показано связей (сначала самые весомые)", uz: "Ko‘rsatilgan aloqalar (eng og‘irlari avval)" },
  networkSummary: { en: "{nodes} institutions, {edges} links shown of {total}; {programs} programs", ru: "{nodes} организаций, показано связей: {edges} из {total}; программ: {programs}", uz: "{nodes} tashkilot, {total} aloqadan {edges} tasi ko‘rsatilgan; {programs} dastur" },
  layingOut: { en: "Laying out the network…", ru: "Раскладываем сеть…", uz: "Tarmoq joylashtirilmoqda…" },
  clickNode: { en: "Click an institution to see its partners; drag to move, scroll to zoom.", ru: "Нажмите на организацию, чтобы увидеть её партнёров; перетаскивайте и масштабируйте колесом.", uz: "Hamkorlarini ko‘rish uchun tashkilotni bosing; sudrang va g‘ildirak bilan kattalashtiring." },
  openInstitution: { en: "Open the institution's page", ru: "Открыть страницу организации", uz: "Tashkilot sahifasini ochish" },
  sharedPrograms: { en: "shared programs", ru: "общих программ", uz: "umumiy dasturlar" },
  filters: { en: "Filters", ru: "Фильтры", uz: "Filtrlar" },
  allKinds: { en: "All kinds", ru: "Все виды", uz: "Barcha turlar" },
  allStatuses: { en: "All statuses", ru: "Все статусы", uz: "Barcha holatlar" },
  allCountries: { en: "All countries", ru: "Все страны", uz: "Barcha mamlakatlar" },
  signedFrom: { en: "Signed from", ru: "Подписаны с", uz: "Imzolangan sanadan" },
  signedTo: { en: "to", ru: "по", uz: "gacha" },
  institutionSlug: { en: "Institution (slug)", ru: "Организация (slug)", uz: "Tashkilot (slug)" },
  clear: { en: "Clear", ru: "Сбросить", uz: "Tozalash" },
  download: { en: "Download", ru: "Скачать", uz: "Yuklab olish" },
  notFound: { en: "Not found", ru: "Не найдено", uz: "Topilmadi" },
  error: { en: "The graph did not answer", ru: "Граф не ответил", uz: "Graf javob bermadi" },
  activitiesOf: { en: "Activities of its programs", ru: "Мероприятия её программ", uz: "Dasturlari tadbirlari" },
  planned: { en: "planned", ru: "план", uz: "reja" },
  actual: { en: "actual", ru: "факт", uz: "amalda" },
  ENTERPRISE: { en: "Enterprise", ru: "Предприятие", uz: "Korxona" },
  UNIVERSITY: { en: "University", ru: "Университет", uz: "Universitet" },
  BRANCH: { en: "Branch", ru: "Филиал", uz: "Filial" },
  TECHNICAL_SCHOOL: { en: "Technical school", ru: "Техникум", uz: "Texnikum" },
  ACADEMY_OF_SCIENCES: { en: "Academy of sciences", ru: "Академия наук", uz: "Fanlar akademiyasi" },
  RESEARCH_INSTITUTE: { en: "Research institute", ru: "НИИ", uz: "Ilmiy-tadqiqot instituti" },
  MEMORANDUM: { en: "Memorandum", ru: "Меморандум", uz: "Memorandum" },
  PARTNERSHIP_AGREEMENT: { en: "Partnership agreement", ru: "Соглашение о партнёрстве", uz: "Hamkorlik shartnomasi" },
  BRANCH_DEPARTMENT: { en: "Branch department", ru: "Филиал кафедры", uz: "Kafedra filiali" },
  INTERNSHIP: { en: "Internship", ru: "Стажировка", uz: "Amaliyot" },
  EXCHANGE: { en: "Exchange", ru: "Обмен", uz: "Almashinuv" },
  SCHOLARSHIP: { en: "Scholarship", ru: "Стипендия", uz: "Stipendiya" },
  JOINT_RESEARCH: { en: "Joint research", ru: "Совместные исследования", uz: "Qo‘shma tadqiqot" },
  JOINT_LABORATORY: { en: "Joint laboratory", ru: "Совместная лаборатория", uz: "Qo‘shma laboratoriya" },
  INDUSTRIAL_VISIT: { en: "Industrial visit", ru: "Производственный визит", uz: "Ishlab chiqarishga tashrif" },
  TRAINING: { en: "Training", ru: "Обучение", uz: "O‘qitish" },
  DRAFT: { en: "Draft", ru: "Проект", uz: "Loyiha" },
  ACTIVE: { en: "Active", ru: "Действует", uz: "Amalda" },
  COMPLETED: { en: "Completed", ru: "Завершена", uz: "Yakunlangan" },
  EXPIRED: { en: "Expired", ru: "Истекла", uz: "Muddati o‘tgan" },
  TERMINATED: { en: "Terminated", ru: "Расторгнута", uz: "Bekor qilingan" },
  PLANNED: { en: "Planned", ru: "Запланировано", uz: "Rejalashtirilgan" },
  IN_PROGRESS: { en: "In progress", ru: "Идёт", uz: "Davom etmoqda" },
  CANCELLED: { en: "Cancelled", ru: "Отменено", uz: "Bekor qilingan" },
  MINE: { en: "Mine", ru: "Рудник", uz: "Kon" },
  PLANT: { en: "Plant", ru: "Завод", uz: "Zavod" },
  TRAINING_CENTRE: { en: "Training centre", ru: "Учебный центр", uz: "O‘quv markazi" },
  SCHOOL: { en: "School", ru: "Школа", uz: "Maktab" },
  DEPARTMENT: { en: "Department", ru: "Кафедра / отдел", uz: "Kafedra / bo‘lim" },
  MUSEUM: { en: "Museum", ru: "Музей", uz: "Muzey" },
  CULTURAL_CENTRE: { en: "Cultural centre", ru: "Дворец культуры", uz: "Madaniyat saroyi" },
  FACULTY: { en: "Faculty", ru: "Факультет", uz: "Fakultet" },
  LABORATORY: { en: "Laboratory", ru: "Лаборатория", uz: "Laboratoriya" },
  OTHER: { en: "Other", ru: "Другое", uz: "Boshqa" },
  SIGNATORY: { en: "Signatory", ru: "Подписант", uz: "Imzolovchi" },
  HOST: { en: "Host", ru: "Принимающая сторона", uz: "Qabul qiluvchi" },
  PARTNER: { en: "Partner", ru: "Партнёр", uz: "Hamkor" },
  FUNDER: { en: "Funder", ru: "Спонсор", uz: "Homiy" },
  PARTICIPANT: { en: "Participant", ru: "Участник", uz: "Ishtirokchi" },
} satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof LABELS;

let language: Language = "en";

export function setLanguage(lang: string | null): Language {
  language = (LANGUAGES as readonly string[]).includes(lang ?? "") ? (lang as Language) : "en";
  document.documentElement.lang = language;
  return language;
}

export const currentLanguage = () => language;

/** A label; `{name}` placeholders filled from `values`. */
export function t(key: LabelKey, values: Record<string, string | number> = {}): string {
  return LABELS[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** An enum value's label (kinds, statuses, institution types), or the value itself. */
export function enumLabel(value: string | null | undefined): string {
  if (!value) return "";
  return value in LABELS ? LABELS[value as LabelKey][language] : value;
}

export interface NamedInstitution {
  name: string;
  names?: { lang: string; kind: string; value: string }[];
}

export function localName(institution: NamedInstitution | null | undefined): string {
  if (!institution) return "";
  const inLanguage = (institution.names ?? []).filter((name) => name.lang === language);
  return (inLanguage.find((name) => name.kind === "OFFICIAL") ?? inLanguage.find((name) => name.kind === "SHORT") ?? inLanguage[0])?.value ?? institution.name;
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** One formatter per language, made once: a network's hundreds of tooltips format numbers. */
export function formatNumber(value: number): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language === "uz" ? "uz-Latn" : language)));
  return format.format(value);
}
