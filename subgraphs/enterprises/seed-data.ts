/**
 * The enterprises facts of the seed articles (shared/seeds), each with the
 * article it comes from. seed.ts validates and loads them.
 */
import { NameKind } from "../../shared/domain/localized-name";
import { SEED_FILES } from "../../shared/domain/seed-articles";
import { DivisionKind } from "./entities/enums";
import type { ContactInput, DivisionInput, EnterpriseInput } from "./fields";

interface SeedDivision extends Omit<DivisionInput, "parentId"> {
  parent?: string;
  source: string;
}
interface SeedContact extends ContactInput {
  division?: string;
  source: string;
}
export interface SeedEnterprise extends EnterpriseInput {
  source: string;
  divisions?: SeedDivision[];
  contacts?: SeedContact[];
}

const { OFFICIAL, ACRONYM, ALTERNATIVE } = NameKind;
const S = SEED_FILES;

export const enterpriseSeeds: SeedEnterprise[] = [
  {
    slug: "ammc",
    name: "Almalyk Mining and Metallurgical Complex",
    shortName: "AMMC",
    countryCode: "UZ",
    region: "Tashkent Region",
    city: "Almalyk",
    industryCodes: ["07.29", "24.44"],
    description:
      "Uzbekistan's largest copper production enterprise. Cooperates with universities across Uzbekistan and with international higher education institutions under mutually beneficial agreements; university branches are opened on the basis of its divisions.",
    source: S.ammcEngineeringSchool,
    names: [
      { value: "Almalyk Mining and Metallurgical Complex", lang: "en", kind: OFFICIAL },
      { value: "AMMC", lang: "en", kind: ACRONYM },
      { value: "Алмалыкский горно-металлургический комбинат", lang: "ru", kind: OFFICIAL },
      { value: "АГМК", lang: "ru", kind: ACRONYM },
      { value: "Olmaliq kon-metallurgiya kombinati", lang: "uz", kind: OFFICIAL },
      { value: "OKMK", lang: "uz", kind: ACRONYM },
    ],
    divisions: [
      { slug: "ammc-training-center", name: "AMMC Training Center", kind: DivisionKind.TRAINING_CENTRE, source: S.ammcScienceIndustry },
      {
        slug: "ammc-engineering-school",
        name: "AMMC Engineering School",
        kind: DivisionKind.SCHOOL,
        parent: "ammc-training-center",
        description: "The engineering school attached to the AMMC Training Center; since 18 April it hosts students of the Tashkent State Technical University branch in Almalyk.",
        source: S.ammcEngineeringSchool,
      },
      {
        slug: "ammc-kalmakyr-mine",
        name: "Kalmakyr mine",
        kind: DivisionKind.MINE,
        description: "Open-pit mine of AMMC worked with large-scale mining equipment (the source spells it “Kalmalyr”).",
        source: S.ammcScienceIndustry,
      },
      { slug: "ammc-metallurg-cultural-palace", name: "Metallurg Cultural Palace", kind: DivisionKind.CULTURAL_CENTRE, source: S.ammcScienceIndustry },
      { slug: "ammc-history-museum", name: "AMMC Honorary History Museum", kind: DivisionKind.MUSEUM, parent: "ammc-metallurg-cultural-palace", source: S.ammcScienceIndustry },
      { slug: "ammc-resources-and-mining-department", name: "AMMC Resources and Mining Department", kind: DivisionKind.DEPARTMENT, source: S.ammcScienceIndustry },
    ],
    contacts: [
      { name: "Call-center", phone: "+998 78 141 90 99", source: S.ammcEngineeringSchool },
      { name: "Helpline", phone: "+998 71 619 23 33", source: S.ammcEngineeringSchool },
    ],
  },
  {
    slug: "stupino-metallurgical-company",
    name: "Stupino Metallurgical Company",
    shortName: "CMK",
    countryCode: "RU",
    region: "Moscow Oblast",
    city: "Stupino",
    industryCodes: ["24"],
    description: "A city-forming enterprise of Stupino, carrying out a production program of about 10 billion rubles that depends on young workers' preparedness and practical skills.",
    source: S.stupinoAgreement,
    names: [
      { value: "Stupino Metallurgical Company", lang: "en", kind: OFFICIAL },
      { value: "CMK", lang: "en", kind: ACRONYM },
      { value: "Ступинская металлургическая компания", lang: "ru", kind: OFFICIAL },
      { value: "СМК", lang: "ru", kind: ACRONYM },
    ],
    contacts: [{ name: "Andrey Zavrazhnov", position: "Managing Director", source: S.stupinoAgreement }],
  },
  {
    slug: "stupino-machine-production-plant",
    name: "Stupino Machine-Production Plant",
    shortName: "SMPP",
    countryCode: "RU",
    region: "Moscow Oblast",
    city: "Stupino",
    industryCodes: ["28"],
    description: "A city-forming mechanical engineering enterprise of Stupino with assembly shops.",
    source: S.stupinoAgreement,
    names: [
      { value: "Stupino Machine-Production Plant", lang: "en", kind: OFFICIAL },
      { value: "SMPP", lang: "en", kind: ACRONYM },
      { value: "Ступинское машиностроительное производственное предприятие", lang: "ru", kind: OFFICIAL },
      { value: "СМПП", lang: "ru", kind: ACRONYM },
    ],
    divisions: [{ slug: "smpp-assembly-shops", name: "SMPP assembly shops", kind: DivisionKind.PLANT, source: S.stupinoAgreement }],
    contacts: [{ name: "Vadim Nazarenko", position: "Managing Director", source: S.stupinoAgreement }],
  },
  {
    slug: "uzbekistan-technological-metals-combine",
    name: "Uzbekistan Technological Metals Combine",
    legalForm: "JSC",
    countryCode: "UZ",
    industryCodes: ["24"],
    description: "Joint-stock company of Uzbekistan's mining and metallurgical complex.",
    source: S.academyMemorandum,
    names: [
      { value: "Uzbekistan Technological Metals Combine", lang: "en", kind: OFFICIAL },
      { value: "Узбекистон технологик металлур комбинати", lang: "uz-Cyrl", kind: OFFICIAL },
      { value: "Oʻzbekiston texnologik metallar kombinati", lang: "uz", kind: OFFICIAL },
      { value: "Акционерное Общество «Узбекистон технологик металлур комбинати»", lang: "ru", kind: ALTERNATIVE },
    ],
  },
];
