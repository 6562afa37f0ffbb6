/**
 * An analyst's questions about the five seed articles, asked through the
 * gateway, with the answers the articles give.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_FILES } from "../shared/domain/seed-articles";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables);

describe("the article facts, as an analyst finds them", () => {
  it("which universities cooperate with the Almalyk Mining and Metallurgical Complex, and under which programs", async () => {
    const { enterprise } = await ask(`{
      enterprise(slug: "ammc") {
        name names { value lang kind } country { code name(lang: "ru") } industries { code name }
        partners(type: UNIVERSITY) { partner { ... on University { slug name country { code } } } programs { slug kind status } }
      }
    }`);
    expect(enterprise.country).toEqual({ code: "UZ", name: "Узбекистан" });
    expect(enterprise.industries.map((i: any) => i.name)).toContain("Copper production");
    expect(enterprise.names).toContainEqual({ value: "Алмалыкский горно-металлургический комбинат", lang: "ru", kind: "OFFICIAL" });
    const partners = Object.fromEntries(enterprise.partners.map((p: any) => [p.partner.slug, p.programs.map((x: any) => x.slug).sort()]));
    expect(partners).toEqual({
      "tashstu-almalyk": ["tashstu-almalyk-departments-at-ammc-engineering-school"],
      "university-of-geological-sciences": ["ammc-international-student-delegation-2025", "ugs-mining-operations-branch-at-ammc"],
      "osh-technological-university": ["ammc-international-student-delegation-2025"],
      "mongolian-state-university": ["ammc-international-student-delegation-2025"],
    });
    const countries = enterprise.partners.map((p: any) => p.partner.country.code).sort();
    expect(countries).toEqual(["KG", "MN", "UZ", "UZ"]);
  });

  it("which departments the TashSTU Almalyk branch opened, and where", async () => {
    const { university } = await ask(`{
      university(slug: "tashstu-almalyk") {
        name kind parent { name }
        programs(filter: { kinds: [BRANCH_DEPARTMENT] }) {
          nodes {
            title source
            parties { role department { name parent { name } } division { name parent { name } } enterprise { shortName } }
            activities { kind status description hostDivision { name } }
          }
        }
      }
    }`);
    expect(university.parent.name).toBe("Tashkent State Technical University");
    const [program] = university.programs.nodes;
    expect(program.source).toBe(SEED_FILES.ammcEngineeringSchool);
    const departments = program.parties.filter((p: any) => p.department).map((p: any) => p.department);
    expect(departments.map((d: any) => d.name).sort()).toEqual(["Mechanical Engineering Technology", "Technological Machines and Equipment"]);
    expect(new Set(departments.map((d: any) => d.parent.name))).toEqual(new Set(["Faculty of Power Engineering and Mechanical Engineering"]));
    const host = program.parties.find((p: any) => p.role === "HOST");
    expect(host).toMatchObject({ enterprise: { shortName: "AMMC" }, division: { name: "AMMC Engineering School", parent: { name: "AMMC Training Center" } } });
    const opening = program.activities.find((a: any) => a.kind === "OPENING");
    expect(opening).toMatchObject({ status: "COMPLETED", hostDivision: { name: "AMMC Engineering School" } });
    expect(opening.description).toContain("18 April");
  });

  it("what the agreement signed in Stupino on 10 April 2024 provides, and who signed it", async () => {
    const { university } = await ask(`{
      university(slug: "stupino-technical-school") {
        programs {
          nodes {
            title kind signedOn signedOnPrecision signedPlace description
            directions { direction description }
            parties { role signatoryName signatoryPosition signedOn institution { ... on Enterprise { name shortName } ... on University { name } } }
          }
        }
      }
    }`);
    const agreement = university.programs.nodes.find((p: any) => p.signedOn === "2024-04-10");
    expect(agreement).toMatchObject({ kind: "PARTNERSHIP_AGREEMENT", signedOnPrecision: "DAY" });
    expect(agreement.title).toBe("Agreements on educational partnership in Metallurgy and Mechanical Engineering");
    expect(agreement.signedPlace).toContain("Stupino");
    expect(agreement.directions.map((d: any) => d.direction)).toEqual(
      expect.arrayContaining(["BUSINESS_CONTACTS", "SCHOLARSHIPS", "PRACTICAL_TRAINING", "EMPLOYMENT", "INDUSTRIAL_VISITS"]),
    );
    const signatures = agreement.parties.map((p: any) => `${p.signatoryName}, ${p.signatoryPosition}, ${p.institution.shortName ?? p.institution.name}`).sort();
    expect(signatures).toEqual([
      "Andrey Zavrazhnov, Managing Director, CMK",
      "Vadim Nazarenko, Managing Director, SMPP",
      "Viktor Datsky, Director, Stupino Technical School named after A.T. Tumanov",
    ]);
    expect(agreement.parties.every((p: any) => p.role === "SIGNATORY" && p.signedOn === "2024-04-10")).toBe(true);
  });

  it("what the memorandum between the Academy of Sciences of Uzbekistan and the technological metals combine covers, and for how long", async () => {
    const { enterprises } = await ask(`{
      enterprises(filter: { text: "технологик" }) {
        nodes {
          name legalForm
          programs(filter: { kinds: [MEMORANDUM] }) {
            nodes {
              title termMonths signedOn status
              directions { direction description }
              fieldsOfEducation { code name }
              parties { institution { ... on University { name kind } } }
            }
          }
        }
      }
    }`);
    expect(enterprises.nodes).toHaveLength(1);
    const [combine] = enterprises.nodes;
    expect(combine).toMatchObject({ name: "Uzbekistan Technological Metals Combine", legalForm: "JSC" });
    const [memorandum] = combine.programs.nodes;
    expect(memorandum.termMonths).toBe(36);
    expect(memorandum.signedOn).toBeNull(); // the article does not say when
    expect(memorandum.parties.map((p: any) => p.institution.name).filter(Boolean)).toEqual(["Academy of Sciences of the Republic of Uzbekistan"]);
    expect(memorandum.directions.map((d: any) => d.direction)).toEqual([
      "JOINT_RESEARCH",
      "CURRICULUM_DEVELOPMENT",
      "PRACTICAL_TRAINING",
      "TECHNOLOGY_TRANSFER",
      "STARTUPS_AND_VENTURES",
      "INTERNATIONAL_COOPERATION",
      "CONSORTIA",
      "INNOVATION",
      "EVENTS",
    ]);
    expect(memorandum.fieldsOfEducation.map((f: any) => f.name)).toEqual(
      expect.arrayContaining(["Mining and extraction", "Chemistry"]),
    );
  });

  it("which exchange and research directions NUST MISIS Almalyk agreed with Wuhan University of Science and Technology", async () => {
    const { university } = await ask(`{
      university(slug: "nust-misis-almalyk") {
        parent { shortName }
        people { name position academicDegree honours { title awardedOn awardedOnPrecision awardingUniversity { name country { name } } } }
        partners { partner { ... on University { name country { code } } } programs { kind signedOn signedOnPrecision directions { direction description } } }
      }
    }`);
    expect(university.parent.shortName).toBe("NUST MISIS");
    const [partnership] = university.partners;
    expect(partnership.partner).toEqual({ name: "Wuhan University of Science and Technology", country: { code: "CN" } });
    const [memorandum] = partnership.programs;
    expect(memorandum).toMatchObject({ kind: "MEMORANDUM", signedOn: "2025-05-01", signedOnPrecision: "MONTH" });
    const directions = Object.fromEntries(memorandum.directions.map((d: any) => [d.direction, d.description]));
    expect(Object.keys(directions)).toEqual(
      expect.arrayContaining(["STUDENT_EXCHANGE", "STAFF_EXCHANGE", "JOINT_RESEARCH", "JOINT_LABORATORIES", "CURRICULUM_DEVELOPMENT"]),
    );
    expect(directions.JOINT_RESEARCH).toContain("materials science, metallurgy and nanotechnology");
    const [director] = university.people;
    expect(director).toMatchObject({ name: "Farhodbek Yarkulovich Umarov", position: "Director", academicDegree: "Doctor of Technical Sciences" });
    expect(director.honours[0]).toMatchObject({
      title: "Honorary Professor of Wuhan University of Science and Technology",
      awardingUniversity: { name: "Wuhan University of Science and Technology", country: { name: "People's Republic of China" } },
    });
  });

  it("the student delegation's visit: dates, hosts and where it went", async () => {
    const { program } = await ask(`{
      program(slug: "ammc-international-student-delegation-2025") {
        kind status startsOn endsOn framework
        activities { title startsOn hostDivision { name kind } }
        parties { role university { name people { name position originCountry { name } department { name } } } }
      }
    }`);
    expect(program).toMatchObject({ kind: "INDUSTRIAL_VISIT", status: "COMPLETED", startsOn: "2025-06-24", endsOn: "2025-06-25" });
    expect(program.framework).toContain("official visit of the President of the Republic of Uzbekistan to Mongolia");
    expect(program.activities.map((a: any) => a.hostDivision.name).sort()).toEqual(["AMMC Engineering School", "AMMC Honorary History Museum", "Kalmakyr mine"]);
    const people = program.parties.flatMap((p: any) => p.university?.people ?? []);
    expect(people).toContainEqual({ name: "Riahi Amma Vissal", position: "Student", originCountry: { name: "Tunisia" }, department: null });
    expect(people).toContainEqual({ name: "Lkhagva Ochir Enkhjin", position: "Student", originCountry: null, department: { name: "Faculty of Geology and Geophysics" } });
  });
});

describe("names in every language find their institution", () => {
  it.each([
    ["enterprises", "алмалыкский горно", "ammc"],
    ["enterprises", "АГМК", "ammc"],
    ["enterprises", "Olmaliq kon", "ammc"],
    ["enterprises", "ступинская", "stupino-metallurgical-company"],
    ["universities", "Toshkent davlat texnika", "tashstu"],
    ["universities", "ТашГТУ", "tashstu"],
    ["universities", "武汉科技", "wuhan-university-of-science-and-technology"],
    ["universities", "фанлари", null],
    ["universities", "Fanlar akademiyasi", "academy-of-sciences-uzbekistan"],
  ])("%s matching %j", async (list, text, slug) => {
    const data = await ask(`query($text: String) { ${list}(filter: { text: $text }) { nodes { slug } } }`, { text });
    const slugs = data[list].nodes.map((n: any) => n.slug);
    if (slug) expect(slugs).toContain(slug);
    else expect(slugs).toEqual([]);
  });
});

describe("sources and references", () => {
  it("every record loaded from an article names one of the seed articles, and every article is used", async () => {
    const files = new Set<string>(Object.values(SEED_FILES));
    const data = await ask(`{
      enterprises(first: 1000) { nodes { source divisions { source } contacts { source } } }
      universities(first: 1000) { nodes { source departments { source } people { source } } }
      programs(first: 1000) { nodes { source activities { source } } }
    }`);
    const sources = JSON.stringify(data).match(/"source":(null|"[^"]*")/g)!.map((s) => JSON.parse(s.slice(9)));
    expect(sources.length).toBeGreaterThan(50);
    for (const source of sources) expect(files).toContain(source);
    expect(new Set(sources)).toEqual(files);
  });

  // The articles sit beside the repository (../shared/seeds), not in it: a clone elsewhere has no such folder.
  const articles = path.resolve("../shared/seeds");
  it.runIf(fs.existsSync(articles))("the seed article list is the folder of articles beside the repository", () => {
    expect(new Set(fs.readdirSync(articles))).toEqual(new Set(Object.values(SEED_FILES)));
  });

  it("every institution and unit a program refers to exists in its own subgraph", async () => {
    const { programs } = await ask(`{
      programs(first: 1000) { nodes { slug
        parties { institutionId unitId institution { ... on Enterprise { name } ... on University { name } } division { name } department { name } }
        activities { host { ... on Enterprise { name } ... on University { name } } hostDivision { name } hostDepartment { name } }
      } }
    }`);
    expect(programs.nodes.length).toBeGreaterThan(0);
    for (const program of programs.nodes) {
      expect(program.parties.length, program.slug).toBeGreaterThan(0);
      for (const party of program.parties) {
        expect(party.institution.name, `${program.slug} party ${party.institutionId}`).toBeTruthy();
        if (party.unitId) expect((party.division ?? party.department)?.name, `${program.slug} unit ${party.unitId}`).toBeTruthy();
      }
    }
    // Each activity's host as the articles name it: [institution, division, department]; all null when none is named.
    const hosts = Object.fromEntries(
      programs.nodes
        .filter((program: any) => program.activities.length)
        .map((program: any) => [program.slug, program.activities.map((a: any) => [a.host?.name ?? null, a.hostDivision?.name ?? null, a.hostDepartment?.name ?? null]).sort()]),
    );
    const AMMC = "Almalyk Mining and Metallurgical Complex";
    const NONE = [null, null, null];
    expect(hosts).toEqual({
      "ammc-international-student-delegation-2025": [[AMMC, "AMMC Engineering School", null], [AMMC, "AMMC Honorary History Museum", null], [AMMC, "Kalmakyr mine", null]],
      "ugs-mining-operations-branch-at-ammc": [[AMMC, "AMMC Resources and Mining Department", null]],
      "nust-misis-almalyk-wust-memorandum-2025": [NONE, NONE, NONE, NONE],
      "stupino-educational-partnership-2024": [
        NONE,
        NONE,
        NONE,
        ["Stupino Machine-Production Plant", "SMPP assembly shops", null],
        ["Stupino Technical School named after A.T. Tumanov", null, "Workshops and laboratories"],
      ],
      "tashstu-almalyk-departments-at-ammc-engineering-school": [[AMMC, "AMMC Engineering School", null], [AMMC, "AMMC Engineering School", null]],
    });
  });
});

describe("code lists", () => {
  it("label countries, industries and fields of education in English and Russian", async () => {
    const data = await ask(`{
      countries { code name ru: name(lang: "ru") uz: name(lang: "uz") }
      industries { code name ru: name(lang: "ru") }
      fieldsOfEducation { code name ru: name(lang: "ru") }
    }`);
    expect(data.countries.length).toBeGreaterThan(240);
    expect(data.countries.find((c: any) => c.code === "KG")).toEqual({ code: "KG", name: "Kyrgyzstan", ru: "Киргизия", uz: expect.any(String) });
    expect(data.industries.find((i: any) => i.code === "24.44")).toEqual({ code: "24.44", name: "Copper production", ru: "Производство меди" });
    expect(data.fieldsOfEducation.find((f: any) => f.code === "0724")).toEqual({ code: "0724", name: "Mining and extraction", ru: "Горное дело и добыча" });
  });
});
