/**
 * The universities facts of the seed articles (shared/seeds), each with the
 * article it comes from. seed.ts validates and loads them.
 */
import { DatePrecision } from "../../shared/domain/dates";
import { deterministicId } from "../../shared/records/ids";
import { NameKind } from "../../shared/domain/localized-name";
import { SEED_FILES } from "../../shared/domain/seed-articles";
import { DepartmentKind, UniversityKind } from "./entities/enums";
import type { DepartmentInput, PersonInput, UniversityInput } from "./fields";

interface SeedDepartment extends Omit<DepartmentInput, "parentId"> {
  parent?: string;
  source: string;
}
interface SeedPerson extends Omit<PersonInput, "departmentId"> {
  department?: string;
  source: string;
}
export interface SeedUniversity extends Omit<UniversityInput, "parentId"> {
  parent?: string;
  source: string;
  departments?: SeedDepartment[];
  people?: SeedPerson[];
}

const { OFFICIAL, ACRONYM, ALTERNATIVE } = NameKind;
const S = SEED_FILES;

export const universitySeeds: SeedUniversity[] = [
  {
    slug: "tashstu",
    name: "Tashkent State Technical University",
    shortName: "TashSTU",
    kind: UniversityKind.UNIVERSITY,
    countryCode: "UZ",
    city: "Tashkent",
    fieldCodes: ["07"],
    source: S.ammcEngineeringSchool,
    names: [
      { value: "Tashkent State Technical University", lang: "en", kind: OFFICIAL },
      { value: "TashSTU", lang: "en", kind: ACRONYM },
      { value: "Ташкентский государственный технический университет", lang: "ru", kind: OFFICIAL },
      { value: "ТашГТУ", lang: "ru", kind: ACRONYM },
      { value: "Toshkent davlat texnika universiteti", lang: "uz", kind: OFFICIAL },
      { value: "TDTU", lang: "uz", kind: ACRONYM },
    ],
  },
  {
    slug: "tashstu-almalyk",
    name: "Tashkent State Technical University, Almalyk branch",
    shortName: "TashSTU Almalyk",
    kind: UniversityKind.BRANCH,
    parent: "tashstu",
    countryCode: "UZ",
    region: "Tashkent Region",
    city: "Almalyk",
    fieldCodes: ["0713", "0715"],
    description: "Branch of Tashkent State Technical University in Almalyk. Its students study at the AMMC engineering school, closely integrated with practice in the plant's structural divisions.",
    source: S.ammcEngineeringSchool,
    names: [
      { value: "Tashkent State Technical University, Almalyk branch", lang: "en", kind: OFFICIAL },
      { value: "TashSTU branch in Almalyk", lang: "en", kind: ALTERNATIVE },
      { value: "Алмалыкский филиал Ташкентского государственного технического университета", lang: "ru", kind: OFFICIAL },
      { value: "Алмалыкский филиал ТашГТУ", lang: "ru", kind: ACRONYM },
      { value: "Toshkent davlat texnika universiteti Olmaliq filiali", lang: "uz", kind: OFFICIAL },
    ],
    departments: [
      { slug: "tashstu-almalyk-power-engineering-faculty", name: "Faculty of Power Engineering and Mechanical Engineering", kind: DepartmentKind.FACULTY, fieldCodes: ["0713", "0715"], source: S.ammcEngineeringSchool },
      {
        slug: "tashstu-almalyk-technological-machines",
        name: "Technological Machines and Equipment",
        kind: DepartmentKind.DEPARTMENT,
        parent: "tashstu-almalyk-power-engineering-faculty",
        fieldCodes: ["0715"],
        description: "Department opened at the AMMC engineering school to train competitive specialists who solve production problems and conduct research.",
        source: S.ammcEngineeringSchool,
      },
      {
        slug: "tashstu-almalyk-mechanical-engineering-technology",
        name: "Mechanical Engineering Technology",
        kind: DepartmentKind.DEPARTMENT,
        parent: "tashstu-almalyk-power-engineering-faculty",
        fieldCodes: ["0715"],
        description: "Department opened at the AMMC engineering school to train competitive specialists who solve production problems and conduct research.",
        source: S.ammcEngineeringSchool,
      },
    ],
  },
  {
    slug: "osh-technological-university",
    name: "Osh Technological University",
    kind: UniversityKind.UNIVERSITY,
    countryCode: "KG",
    city: "Osh",
    source: S.ammcScienceIndustry,
    names: [
      { value: "Osh Technological University", lang: "en", kind: OFFICIAL },
      { value: "Ошский технологический университет", lang: "ru", kind: OFFICIAL },
    ],
  },
  {
    slug: "mongolian-state-university",
    name: "Mongolian State University",
    kind: UniversityKind.UNIVERSITY,
    countryCode: "MN",
    source: S.ammcScienceIndustry,
    names: [{ value: "Mongolian State University", lang: "en", kind: OFFICIAL }],
    departments: [{ slug: "msu-geology-and-geophysics-faculty", name: "Faculty of Geology and Geophysics", kind: DepartmentKind.FACULTY, fieldCodes: ["0532"], source: S.ammcScienceIndustry }],
    people: [
      {
        name: "Lkhagva Ochir Enkhjin",
        position: "Student",
        department: "msu-geology-and-geophysics-faculty",
        source: S.ammcScienceIndustry,
      },
    ],
  },
  {
    slug: "university-of-geological-sciences",
    name: "University of Geological Sciences",
    kind: UniversityKind.UNIVERSITY,
    countryCode: "UZ",
    fieldCodes: ["0532", "0724"],
    description: "Runs an international cooperation program; opened a branch of its Mining Operations and Technologies department at AMMC.",
    source: S.ammcScienceIndustry,
    names: [
      { value: "University of Geological Sciences", lang: "en", kind: OFFICIAL },
      { value: "Geologiya fanlari universiteti", lang: "uz", kind: OFFICIAL },
      { value: "Университет геологических наук", lang: "ru", kind: OFFICIAL },
    ],
    departments: [
      {
        slug: "ugs-mining-operations-and-technologies",
        name: "Mining Operations and Technologies",
        kind: DepartmentKind.DEPARTMENT,
        fieldCodes: ["0724"],
        description: "Department whose branch opened under the AMMC Resources and Mining Department.",
        source: S.ammcScienceIndustry,
      },
    ],
    people: [{ name: "Riahi Amma Vissal", position: "Student", originCountryCode: "TN", source: S.ammcScienceIndustry }],
  },
  {
    slug: "stupino-technical-school",
    name: "Stupino Technical School named after A.T. Tumanov",
    kind: UniversityKind.TECHNICAL_SCHOOL,
    countryCode: "RU",
    region: "Moscow Oblast",
    city: "Stupino",
    fieldCodes: ["0715"],
    description: "Trains middle-level personnel for specific production areas in metallurgy and mechanical engineering; has workshops and laboratories with the latest equipment.",
    source: S.stupinoAgreement,
    names: [
      { value: "Stupino Technical School named after A.T. Tumanov", lang: "en", kind: OFFICIAL },
      { value: "Tumanov's Stupino Technical School", lang: "en", kind: ALTERNATIVE },
      { value: "Ступинский техникум имени А.Т. Туманова", lang: "ru", kind: OFFICIAL },
    ],
    departments: [
      {
        slug: "stupino-technical-school-workshops",
        name: "Workshops and laboratories",
        kind: DepartmentKind.LABORATORY,
        description: "Training base shown to the strategic partners: the latest equipment and the system of personnel training.",
        source: S.stupinoAgreement,
      },
    ],
    people: [{ name: "Viktor Datsky", position: "Director", source: S.stupinoAgreement }],
  },
  {
    slug: "academy-of-sciences-uzbekistan",
    name: "Academy of Sciences of the Republic of Uzbekistan",
    kind: UniversityKind.ACADEMY_OF_SCIENCES,
    countryCode: "UZ",
    city: "Tashkent",
    fieldCodes: ["05", "07"],
    source: S.academyMemorandum,
    names: [
      { value: "Academy of Sciences of the Republic of Uzbekistan", lang: "en", kind: OFFICIAL },
      { value: "Академия наук Республики Узбекистан", lang: "ru", kind: OFFICIAL },
      { value: "Oʻzbekiston Respublikasi Fanlar akademiyasi", lang: "uz", kind: OFFICIAL },
    ],
  },
  {
    slug: "nust-misis",
    name: "National University of Science and Technology MISIS",
    shortName: "NUST MISIS",
    kind: UniversityKind.UNIVERSITY,
    countryCode: "RU",
    city: "Moscow",
    source: S.misisWuhanAgreement,
    names: [
      { value: "National University of Science and Technology MISIS", lang: "en", kind: OFFICIAL },
      { value: "NUST MISIS", lang: "en", kind: ACRONYM },
      { value: "Национальный исследовательский технологический университет «МИСиС»", lang: "ru", kind: OFFICIAL },
      { value: "НИТУ МИСИС", lang: "ru", kind: ACRONYM },
    ],
  },
  {
    slug: "nust-misis-almalyk",
    name: "National University of Science and Technology MISIS, Almalyk branch",
    shortName: "NUST MISIS Almalyk",
    kind: UniversityKind.BRANCH,
    parent: "nust-misis",
    countryCode: "UZ",
    region: "Tashkent Region",
    city: "Almalyk",
    fieldCodes: ["071", "0715", "0722"],
    source: S.misisWuhanAgreement,
    names: [
      { value: "National University of Science and Technology MISIS, Almalyk branch", lang: "en", kind: OFFICIAL },
      { value: "Almalyk Branch of NUST MISIS", lang: "en", kind: ALTERNATIVE },
      { value: "Алмалыкский филиал НИТУ «МИСиС»", lang: "ru", kind: OFFICIAL },
      { value: "MISIS Olmaliq filiali", lang: "uz", kind: ALTERNATIVE },
    ],
    people: [
      {
        name: "Farhodbek Yarkulovich Umarov",
        position: "Director",
        academicDegree: "Doctor of Technical Sciences",
        honours: [
          {
            title: "Honorary Professor of Wuhan University of Science and Technology",
            awardedBy: "Wuhan University of Science and Technology",
            awardingUniversityId: deterministicId("University", "wuhan-university-of-science-and-technology"),
            awardedOn: "2025-05-01",
            awardedOnPrecision: DatePrecision.MONTH,
          },
        ],
        source: S.misisWuhanAgreement,
      },
    ],
  },
  {
    slug: "wuhan-university-of-science-and-technology",
    name: "Wuhan University of Science and Technology",
    shortName: "WUST",
    kind: UniversityKind.UNIVERSITY,
    countryCode: "CN",
    city: "Wuhan",
    fieldCodes: ["071", "0715", "0722", "0788"],
    source: S.misisWuhanAgreement,
    names: [
      { value: "Wuhan University of Science and Technology", lang: "en", kind: OFFICIAL },
      { value: "WUST", lang: "en", kind: ACRONYM },
      { value: "武汉科技大学", lang: "zh", kind: OFFICIAL },
    ],
  },
];
