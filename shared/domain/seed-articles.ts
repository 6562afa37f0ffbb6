/**
 * The articles every seeded fact comes from (../shared/seeds beside the
 * repository); a record's `source` names one of these files.
 */
export const SEED_FILES = {
  ammcEngineeringSchool: "000_e338ef00ab197b35.txt",
  ammcScienceIndustry: "001_31ee88d75e0a73f3.txt",
  stupinoAgreement: "002_284e99fecb209429.txt",
  academyMemorandum: "003_d4b2015dd18e71f4.txt",
  misisWuhanAgreement: "004_7d65f7e7a199bf1a.txt",
} as const;
