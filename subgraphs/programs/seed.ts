/** The programs and their parties stated in the seed articles (shared/seeds). */
import type { DataSource } from "typeorm";
import { deterministicId } from "../../shared/ids";
import type { Logger } from "../../shared/logger";
import { SEED_FILES, insertMissing } from "../../shared/seeding";
import { InstitutionType, PartyRole, ProgramKind, ProgramStatus } from "./entities/enums";
import { Program } from "./entities/program";
import { ProgramParty } from "./entities/program-party";

// Institutions and units are named by the same deterministic ids their own subgraphs seed them with.
const enterprise = (slug: string) => ({ institutionType: InstitutionType.ENTERPRISE, institutionId: deterministicId("Enterprise", slug) });
const university = (slug: string) => ({ institutionType: InstitutionType.UNIVERSITY, institutionId: deterministicId("University", slug) });
const division = (slug: string) => deterministicId("Division", slug);
const department = (slug: string) => deterministicId("Department", slug);

interface SeedParty {
  institutionType: InstitutionType;
  institutionId: string;
  role: PartyRole;
  unitId?: string;
  signatoryName?: string;
  signatoryPosition?: string;
}

interface SeedProgram {
  slug: string;
  title: string;
  kind: ProgramKind;
  status: ProgramStatus;
  description: string;
  signedOn?: string;
  startsOn?: string;
  endsOn?: string;
  source: string;
  parties: SeedParty[];
}

export const programSeeds: SeedProgram[] = [
  {
    slug: "tashstu-almalyk-departments-at-ammc-engineering-school",
    title: "Departments of the TashSTU Almalyk branch at the AMMC engineering school",
    kind: ProgramKind.BRANCH_DEPARTMENT,
    status: ProgramStatus.ACTIVE,
    description:
      "The AMMC engineering school opened its doors to students of the Tashkent State Technical University branch in Almalyk: the departments of Technological Machines and Equipment and of Mechanical Engineering Technology of the Faculty of Power Engineering and Mechanical Engineering opened there on 18 April. They train specialists for production, conduct research and let teachers improve their qualifications; studies are integrated with practice in the plant's divisions, with seminars and practical classes by the branch's teachers.",
    source: SEED_FILES.ammcEngineeringSchool,
    parties: [
      { ...enterprise("ammc"), role: PartyRole.HOST, unitId: division("ammc-engineering-school") },
      { ...university("tashstu-almalyk"), role: PartyRole.PARTNER, unitId: department("tashstu-almalyk-technological-machines") },
      { ...university("tashstu-almalyk"), role: PartyRole.PARTNER, unitId: department("tashstu-almalyk-mechanical-engineering-technology") },
    ],
  },
  {
    slug: "ammc-international-student-delegation-2025",
    title: "Industrial excursion of a student delegation from Kyrgyzstan, Mongolia and Uzbekistan to AMMC",
    kind: ProgramKind.INDUSTRIAL_VISIT,
    status: ProgramStatus.COMPLETED,
    description:
      "Students of Osh Technological University, the Mongolian State University and the University of Geological Sciences visited the Kalmakyr mine, the AMMC Honorary History Museum in the Metallurg Cultural Palace and the Engineering School of the AMMC Training Center, exchanging experience with industry specialists.",
    startsOn: "2025-06-24",
    endsOn: "2025-06-25",
    source: SEED_FILES.ammcScienceIndustry,
    parties: [
      { ...enterprise("ammc"), role: PartyRole.HOST, unitId: division("ammc-kalmakyr-mine") },
      { ...enterprise("ammc"), role: PartyRole.HOST, unitId: division("ammc-history-museum") },
      { ...enterprise("ammc"), role: PartyRole.HOST, unitId: division("ammc-engineering-school") },
      { ...university("osh-technological-university"), role: PartyRole.PARTICIPANT },
      { ...university("mongolian-state-university"), role: PartyRole.PARTICIPANT },
      { ...university("university-of-geological-sciences"), role: PartyRole.PARTICIPANT },
    ],
  },
  {
    slug: "ugs-mining-operations-branch-at-ammc",
    title: "Branch of the Mining Operations and Technologies department of the University of Geological Sciences at AMMC",
    kind: ProgramKind.BRANCH_DEPARTMENT,
    status: ProgramStatus.ACTIVE,
    description:
      "A branch of the Mining Operations and Technologies department of the University of Geological Sciences opened under the AMMC Resources and Mining Department, to train competitive specialists, address the company's pressing issues through research, raise the qualifications of professors and instructors, and combine practical technological training with academic studies.",
    startsOn: "2025-06-24",
    source: SEED_FILES.ammcScienceIndustry,
    parties: [
      { ...enterprise("ammc"), role: PartyRole.HOST, unitId: division("ammc-resources-and-mining-department") },
      { ...university("university-of-geological-sciences"), role: PartyRole.PARTNER, unitId: department("ugs-mining-operations-and-technologies") },
    ],
  },
  {
    slug: "stupino-educational-partnership-2024",
    title: "Agreements on educational partnership in Metallurgy and Mechanical Engineering",
    kind: ProgramKind.PARTNERSHIP_AGREEMENT,
    status: ProgramStatus.ACTIVE,
    description:
      "Signed at the Stupino Technical School named after A.T. Tumanov. Provides for developing scientific, production, information and business contacts between the enterprises and the technical school: personal scholarships for students, guaranteed practice and employment, industrial practice and excursions to assembly shops.",
    signedOn: "2024-04-10",
    startsOn: "2024-04-10",
    source: SEED_FILES.stupinoAgreement,
    parties: [
      { ...enterprise("stupino-metallurgical-company"), role: PartyRole.SIGNATORY, signatoryName: "Andrey Zavrazhnov", signatoryPosition: "Managing Director" },
      { ...enterprise("stupino-machine-production-plant"), role: PartyRole.SIGNATORY, signatoryName: "Vadim Nazarenko", signatoryPosition: "Managing Director" },
      { ...university("stupino-technical-school"), role: PartyRole.SIGNATORY, signatoryName: "Viktor Datsky", signatoryPosition: "Director" },
    ],
  },
  {
    slug: "academy-of-sciences-utmk-memorandum",
    title: "Memorandum of mutual cooperation in science, education and innovative development of the mining and metallurgical complex",
    kind: ProgramKind.MEMORANDUM,
    status: ProgramStatus.ACTIVE,
    description:
      "The Academy of Sciences of the Republic of Uzbekistan and JSC Uzbekistan Technological Metals Combine agreed on long-term partnership in training highly qualified personnel, scientific research and modern technologies in mining, metallurgy, materials science and chemistry. Concluded for three years, in force from signing.",
    source: SEED_FILES.academyMemorandum,
    parties: [
      { ...university("academy-of-sciences-uzbekistan"), role: PartyRole.SIGNATORY },
      { ...enterprise("uzbekistan-technological-metals-combine"), role: PartyRole.SIGNATORY },
    ],
  },
  {
    slug: "nust-misis-almalyk-wust-memorandum-2025",
    title: "Memorandum of strategic cooperation between the Almalyk branch of NUST MISIS and Wuhan University of Science and Technology",
    kind: ProgramKind.MEMORANDUM,
    status: ProgramStatus.ACTIVE,
    description:
      "Student and faculty exchange, professional development and academic exchange for faculty, co-development of curricula, joint research in engineering, materials science, metallurgy and nanotechnology, and joint research laboratories.",
    signedOn: "2025-05-11",
    startsOn: "2025-05-11",
    source: SEED_FILES.misisWuhanAgreement,
    parties: [
      { ...university("nust-misis-almalyk"), role: PartyRole.SIGNATORY },
      { ...university("wuhan-university-of-science-and-technology"), role: PartyRole.SIGNATORY },
    ],
  },
];

export const programId = (slug: string) => deterministicId("Program", slug);

export async function seed(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const added = await insertMissing(
      manager,
      Program,
      programSeeds.map(({ parties: _parties, ...program }) => ({ ...program, id: programId(program.slug) })),
    );
    const parties = programSeeds.flatMap((program) =>
      program.parties.map((party) => ({
        ...party,
        id: deterministicId("ProgramParty", `${program.slug}:${party.institutionId}:${party.unitId ?? ""}:${party.role}`),
        programId: programId(program.slug),
      })),
    );
    const addedParties = await insertMissing(manager, ProgramParty, parties);
    logger.info({ programs: added, parties: addedParties }, "seeded programs");
  });
}
