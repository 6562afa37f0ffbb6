/**
 * The programs the seed articles (shared/seeds) state, with their parties,
 * directions and activities. Institutions and units are named by the same
 * deterministic ids their own subgraphs seed them with.
 */
import { DatePrecision } from "../../shared/domain/dates";
import { deterministicId } from "../../shared/records/ids";
import { SEED_FILES } from "../../shared/domain/seed-articles";
import { ActivityKind, ActivityStatus, CooperationDirection as D, InstitutionType, PartyRole, ProgramKind, ProgramStatus } from "./entities/enums";
import { institutionKind } from "./entities/institution-kinds";
import type { ActivityInput, PartyInput, ProgramInput } from "./fields";

const S = SEED_FILES;
const { DAY, MONTH } = DatePrecision;

// Each party carries its institution's country as the owning subgraph's seed states it (the snapshot
// that API writes take from the owning subgraph when they check the reference).
const COUNTRIES: Record<string, string> = {
  ammc: "UZ",
  "stupino-metallurgical-company": "RU",
  "stupino-machine-production-plant": "RU",
  "uzbekistan-technological-metals-combine": "UZ",
  "tashstu-almalyk": "UZ",
  "osh-technological-university": "KG",
  "mongolian-state-university": "MN",
  "university-of-geological-sciences": "UZ",
  "stupino-technical-school": "RU",
  "academy-of-sciences-uzbekistan": "UZ",
  "nust-misis-almalyk": "UZ",
  "wuhan-university-of-science-and-technology": "CN",
};
const institution = (institutionType: InstitutionType, slug: string) => ({
  institutionType,
  institutionId: deterministicId(institutionKind(institutionType).institution.type, slug),
  institutionCountryCode: COUNTRIES[slug],
});
const enterprise = (slug: string) => institution(InstitutionType.ENTERPRISE, slug);
const university = (slug: string) => institution(InstitutionType.UNIVERSITY, slug);
const division = (slug: string) => deterministicId("Division", slug);
const department = (slug: string) => deterministicId("Department", slug);

/** An activity hosted by an enterprise division or a university department. */
function hostedBy(host: { institutionType: InstitutionType; institutionId: string }, unitId?: string): Pick<ActivityInput, "hostInstitutionType" | "hostInstitutionId" | "hostUnitId"> {
  return { hostInstitutionType: host.institutionType, hostInstitutionId: host.institutionId, hostUnitId: unitId ?? null };
}

export interface SeedProgram extends ProgramInput {
  source: string;
  parties: PartyInput[];
}

export const programSeeds: SeedProgram[] = [
  {
    slug: "tashstu-almalyk-departments-at-ammc-engineering-school",
    title: "Departments of the TashSTU Almalyk branch at the AMMC engineering school",
    kind: ProgramKind.BRANCH_DEPARTMENT,
    status: ProgramStatus.ACTIVE,
    description:
      "As part of AMMC's cooperation with the country's leading universities, university branches are opened on the basis of the plant's divisions. On 18 April the AMMC engineering school officially opened its doors to students of the Tashkent State Technical University branch in Almalyk, with the grand opening of the departments of Technological Machines and Equipment and of Mechanical Engineering Technology of the Faculty of Power Engineering and Mechanical Engineering. Students' education is closely integrated with practical activities in the plant's structural divisions; the experience is meant as a model for the national level.",
    fieldCodes: ["0713", "0715"],
    source: S.ammcEngineeringSchool,
    parties: [
      { ...enterprise("ammc"), role: PartyRole.HOST, unitId: division("ammc-engineering-school") },
      { ...university("tashstu-almalyk"), role: PartyRole.PARTNER, unitId: department("tashstu-almalyk-technological-machines") },
      { ...university("tashstu-almalyk"), role: PartyRole.PARTNER, unitId: department("tashstu-almalyk-mechanical-engineering-technology") },
    ],
    directions: [
      { direction: D.SPECIALIST_TRAINING, description: "Training competitive specialists who can effectively solve production problems" },
      { direction: D.JOINT_RESEARCH, description: "Conducting scientific research" },
      { direction: D.STAFF_DEVELOPMENT, description: "Allowing teachers to improve their qualifications" },
      { direction: D.PRACTICAL_TRAINING, description: "Educational process closely integrated with practical activities in the structural divisions of the plant" },
    ],
    activities: [
      {
        kind: ActivityKind.OPENING,
        status: ActivityStatus.COMPLETED,
        title: "Grand opening of the departments of Technological Machines and Equipment and of Mechanical Engineering Technology",
        description:
          "Held on 18 April (the source gives no year) at the AMMC engineering school, attended by the management of the engineering school, the administration of the TashSTU branch, teachers and students.",
        ...hostedBy(enterprise("ammc"), division("ammc-engineering-school")),
      },
      {
        kind: ActivityKind.SEMINAR,
        status: ActivityStatus.PLANNED,
        title: "Seminars and practical classes by teachers of the TashSTU branch",
        description: "Planned for students of the AMMC engineering school.",
        ...hostedBy(enterprise("ammc"), division("ammc-engineering-school")),
      },
    ],
  },
  {
    slug: "ammc-international-student-delegation-2025",
    title: "Industrial excursion of a student delegation from Kyrgyzstan, Mongolia and Uzbekistan to AMMC",
    kind: ProgramKind.INDUSTRIAL_VISIT,
    status: ProgramStatus.COMPLETED,
    description:
      "A delegation of students from Osh Technological University (Kyrgyzstan), the Mongolian State University and the University of Geological Sciences visited the Complex and exchanged experience with industry specialists: the Kalmakyr mine, the AMMC Honorary History Museum in the Metallurg Cultural Palace and the Engineering School attached to the AMMC Training Center.",
    framework:
      "Organized as part of the official visit of the President of the Republic of Uzbekistan to Mongolia, to implement the Memorandum of Understanding between the mining and geology ministries of the two countries, the cooperation agreement between the Ministry of Higher Education, Science and Innovation of the Republic of Uzbekistan and the Ministry of Education of Mongolia, and the agreements reached at the First International Forum of Rectors of Kyrgyz and Uzbek higher educational institutions.",
    startsOn: "2025-06-24",
    startsOnPrecision: DAY,
    endsOn: "2025-06-25",
    endsOnPrecision: DAY,
    fieldCodes: ["0532", "0724"],
    source: S.ammcScienceIndustry,
    parties: [
      { ...enterprise("ammc"), role: PartyRole.HOST },
      { ...university("osh-technological-university"), role: PartyRole.PARTICIPANT },
      { ...university("mongolian-state-university"), role: PartyRole.PARTICIPANT },
      { ...university("university-of-geological-sciences"), role: PartyRole.PARTICIPANT },
    ],
    directions: [
      { direction: D.INDUSTRIAL_VISITS, description: "Industrial excursion to the Complex" },
      { direction: D.INTERNATIONAL_COOPERATION, description: "Exchange of experience with industry specialists for students from Kyrgyzstan, Mongolia and Uzbekistan" },
    ],
    activities: [
      {
        kind: ActivityKind.EXCURSION,
        status: ActivityStatus.COMPLETED,
        title: "Visit to the Kalmakyr mine",
        description: "The visit began at the mine; mining processes with large-scale mining equipment drew considerable interest.",
        startsOn: "2025-06-24",
        startsOnPrecision: DAY,
        ...hostedBy(enterprise("ammc"), division("ammc-kalmakyr-mine")),
      },
      {
        kind: ActivityKind.EXCURSION,
        status: ActivityStatus.COMPLETED,
        title: "Visit to the AMMC Honorary History Museum",
        description: "Detailed answers about the operations of the Complex's divisions, in the Metallurg Cultural Palace.",
        startsOn: "2025-06-24",
        startsOnPrecision: DAY,
        endsOn: "2025-06-25",
        endsOnPrecision: DAY,
        ...hostedBy(enterprise("ammc"), division("ammc-history-museum")),
      },
      {
        kind: ActivityKind.VISIT,
        status: ActivityStatus.COMPLETED,
        title: "Tour of the Engineering School attached to the AMMC Training Center",
        description: "Familiarization with the opportunities the school provides for students.",
        startsOn: "2025-06-24",
        startsOnPrecision: DAY,
        endsOn: "2025-06-25",
        endsOnPrecision: DAY,
        ...hostedBy(enterprise("ammc"), division("ammc-engineering-school")),
      },
    ],
  },
  {
    slug: "ugs-mining-operations-branch-at-ammc",
    title: "Branch of the Mining Operations and Technologies department of the University of Geological Sciences at AMMC",
    kind: ProgramKind.BRANCH_DEPARTMENT,
    status: ProgramStatus.ACTIVE,
    description:
      "A branch of the Mining Operations and Technologies department of the University of Geological Sciences opened under the AMMC Resources and Mining Department, on the afternoon of the student delegation's visit.",
    startsOn: "2025-06-01",
    startsOnPrecision: MONTH,
    fieldCodes: ["0724"],
    source: S.ammcScienceIndustry,
    parties: [
      { ...enterprise("ammc"), role: PartyRole.HOST, unitId: division("ammc-resources-and-mining-department") },
      { ...university("university-of-geological-sciences"), role: PartyRole.PARTNER, unitId: department("ugs-mining-operations-and-technologies") },
    ],
    directions: [
      { direction: D.SPECIALIST_TRAINING, description: "Train highly competitive specialists for the labor market" },
      { direction: D.JOINT_RESEARCH, description: "Address the company's pressing issues through scientific research" },
      { direction: D.STAFF_DEVELOPMENT, description: "Enhance the qualifications of professors and instructors" },
      { direction: D.PRACTICAL_TRAINING, description: "Combine practical technological training with academic studies" },
    ],
    activities: [
      {
        kind: ActivityKind.OPENING,
        status: ActivityStatus.COMPLETED,
        title: "Opening ceremony of the branch of the Mining Operations and Technologies department",
        description: "In the afternoon of the delegation's visit of 24–25 June.",
        startsOn: "2025-06-01",
        startsOnPrecision: MONTH,
        ...hostedBy(enterprise("ammc"), division("ammc-resources-and-mining-department")),
      },
    ],
  },
  {
    slug: "stupino-educational-partnership-2024",
    title: "Agreements on educational partnership in Metallurgy and Mechanical Engineering",
    kind: ProgramKind.PARTNERSHIP_AGREEMENT,
    status: ProgramStatus.ACTIVE,
    description:
      "The agreement provides for the development of scientific, production, information and business contacts between leading enterprises and the technical school. Its main task is to bring the training of middle-level personnel as close as possible to specific production areas, so that students study for a specific place in specific companies: personal scholarships for students, guarantees of practice and employment, industrial practice and excursions to assembly shops.",
    signedOn: "2024-04-10",
    signedOnPrecision: DAY,
    signedPlace: "Stupino Technical School named after A.T. Tumanov, Stupino",
    startsOn: "2024-04-10",
    startsOnPrecision: DAY,
    fieldCodes: ["0715"],
    source: S.stupinoAgreement,
    parties: [
      { ...enterprise("stupino-metallurgical-company"), role: PartyRole.SIGNATORY, signatoryName: "Andrey Zavrazhnov", signatoryPosition: "Managing Director", signedOn: "2024-04-10" },
      { ...enterprise("stupino-machine-production-plant"), role: PartyRole.SIGNATORY, signatoryName: "Vadim Nazarenko", signatoryPosition: "Managing Director", signedOn: "2024-04-10" },
      { ...university("stupino-technical-school"), role: PartyRole.SIGNATORY, signatoryName: "Viktor Datsky", signatoryPosition: "Director", signedOn: "2024-04-10" },
    ],
    directions: [
      { direction: D.BUSINESS_CONTACTS, description: "Development of scientific, production, information and business contacts" },
      { direction: D.SPECIALIST_TRAINING, description: "Middle-level personnel training in specific production areas" },
      { direction: D.SCHOLARSHIPS, description: "Personal scholarships for students" },
      { direction: D.PRACTICAL_TRAINING, description: "Guarantees of practice; industrial practice" },
      { direction: D.EMPLOYMENT, description: "Guarantees of employment" },
      { direction: D.INDUSTRIAL_VISITS, description: "Excursions to assembly shops" },
    ],
    activities: [
      {
        kind: ActivityKind.VISIT,
        status: ActivityStatus.COMPLETED,
        title: "Tour of the workshops and laboratories of the Technical School",
        description: "The strategic partners were shown the latest equipment and the system of personnel training.",
        startsOn: "2024-04-10",
        startsOnPrecision: DAY,
        ...hostedBy(university("stupino-technical-school"), department("stupino-technical-school-workshops")),
      },
      { kind: ActivityKind.SCHOLARSHIP, status: ActivityStatus.PLANNED, title: "Personal scholarships for students" },
      { kind: ActivityKind.INTERNSHIP, status: ActivityStatus.PLANNED, title: "Industrial practice for students" },
      {
        kind: ActivityKind.EXCURSION,
        status: ActivityStatus.PLANNED,
        title: "Excursions to assembly shops",
        description: "To help each young employee see that a share of their labor is in the finished machine.",
        ...hostedBy(enterprise("stupino-machine-production-plant"), division("smpp-assembly-shops")),
      },
      { kind: ActivityKind.EMPLOYMENT, status: ActivityStatus.PLANNED, title: "Employment of graduates" },
    ],
  },
  {
    slug: "academy-of-sciences-utmk-memorandum",
    title: "Memorandum of mutual cooperation in science, education and innovative development of the mining and metallurgical complex",
    kind: ProgramKind.MEMORANDUM,
    status: ProgramStatus.ACTIVE,
    description:
      "Signed to widen cooperation in training highly qualified personnel, developing scientific research and introducing modern technologies in mining, metallurgy, materials science and chemistry. The parties agreed on a long-term partnership aimed at integrating science and production, developing joint educational programs and strengthening international cooperation. Concluded for three years; in force from the moment of signing.",
    termMonths: 36,
    fieldCodes: ["0724", "0715", "0722", "0531"],
    source: S.academyMemorandum,
    parties: [
      { ...university("academy-of-sciences-uzbekistan"), role: PartyRole.SIGNATORY },
      { ...enterprise("uzbekistan-technological-metals-combine"), role: PartyRole.SIGNATORY },
    ],
    directions: [
      { direction: D.JOINT_RESEARCH, description: "Joint research projects and innovative developments with international laboratories and research institutes" },
      { direction: D.CURRICULUM_DEVELOPMENT, description: "Educational programs meeting international standards, drawing on advanced foreign experience" },
      { direction: D.PRACTICAL_TRAINING, description: "Internships, practice and further training of students and specialists at foreign educational institutions and enterprises" },
      { direction: D.TECHNOLOGY_TRANSFER, description: "Technology transfer" },
      { direction: D.STARTUPS_AND_VENTURES, description: "Corporate venture programs supporting start-ups and competitive innovative products" },
      { direction: D.INTERNATIONAL_COOPERATION, description: "Attracting foreign specialists and organizations to joint projects" },
      { direction: D.CONSORTIA, description: "Science and production consortia" },
      { direction: D.INNOVATION, description: "Innovative products for industry" },
      { direction: D.EVENTS, description: "International forums, conferences and seminars" },
    ],
  },
  {
    slug: "nust-misis-almalyk-wust-memorandum-2025",
    title: "Memorandum of strategic cooperation between the Almalyk branch of NUST MISIS and Wuhan University of Science and Technology",
    kind: ProgramKind.MEMORANDUM,
    status: ProgramStatus.ACTIVE,
    description:
      "Paves the way for broad collaboration in education, research and international exchange: student and faculty exchange, professional development, co-developed curricula, joint research and joint research laboratories, applying results in industry and academia.",
    signedOn: "2025-05-01",
    signedOnPrecision: MONTH,
    startsOn: "2025-05-01",
    startsOnPrecision: MONTH,
    fieldCodes: ["071", "0722", "0715", "0788"],
    source: S.misisWuhanAgreement,
    parties: [
      { ...university("nust-misis-almalyk"), role: PartyRole.SIGNATORY },
      { ...university("wuhan-university-of-science-and-technology"), role: PartyRole.SIGNATORY },
    ],
    directions: [
      { direction: D.STUDENT_EXCHANGE, description: "Students of the Almalyk branch study in China; Chinese students study in Almalyk and learn the specifics of engineering education in Uzbekistan" },
      { direction: D.STAFF_EXCHANGE, description: "Academic exchange programs for faculty" },
      { direction: D.STAFF_DEVELOPMENT, description: "Professional development programs for faculty" },
      { direction: D.CURRICULUM_DEVELOPMENT, description: "Innovative teaching methods and co-development of curricula" },
      { direction: D.JOINT_RESEARCH, description: "Joint research projects in engineering, materials science, metallurgy and nanotechnology" },
      { direction: D.JOINT_LABORATORIES, description: "Joint research laboratories equipped with modern technology" },
    ],
    activities: [
      { kind: ActivityKind.EXCHANGE, status: ActivityStatus.PLANNED, title: "Student exchange between Almalyk and Wuhan" },
      { kind: ActivityKind.EXCHANGE, status: ActivityStatus.PLANNED, title: "Faculty exchange and professional development" },
      { kind: ActivityKind.JOINT_RESEARCH, status: ActivityStatus.PLANNED, title: "Joint research in engineering, materials science, metallurgy and nanotechnology" },
      { kind: ActivityKind.LABORATORY, status: ActivityStatus.PLANNED, title: "Joint research laboratories" },
    ],
  },
];
