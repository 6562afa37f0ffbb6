import { registerEnumType } from "type-graphql";

export enum ProgramKind {
  MEMORANDUM = "MEMORANDUM",
  PARTNERSHIP_AGREEMENT = "PARTNERSHIP_AGREEMENT",
  BRANCH_DEPARTMENT = "BRANCH_DEPARTMENT",
  INTERNSHIP = "INTERNSHIP",
  EXCHANGE = "EXCHANGE",
  SCHOLARSHIP = "SCHOLARSHIP",
  JOINT_RESEARCH = "JOINT_RESEARCH",
  JOINT_LABORATORY = "JOINT_LABORATORY",
  INDUSTRIAL_VISIT = "INDUSTRIAL_VISIT",
  TRAINING = "TRAINING",
}
registerEnumType(ProgramKind, {
  name: "ProgramKind",
  description: "What kind of cooperation a program is.",
  valuesConfig: {
    MEMORANDUM: { description: "A memorandum of understanding or of cooperation: a declared intent, usually with directions rather than obligations." },
    PARTNERSHIP_AGREEMENT: { description: "A partnership or cooperation agreement with obligations of the parties." },
    BRANCH_DEPARTMENT: { description: "A university department (or its branch) opened on the premises of an enterprise." },
    INTERNSHIP: { description: "An internship or industrial practice programme for students." },
    EXCHANGE: { description: "A student or staff exchange." },
    SCHOLARSHIP: { description: "A scholarship funded by a party." },
    JOINT_RESEARCH: { description: "Joint research projects." },
    JOINT_LABORATORY: { description: "A laboratory set up and run together." },
    INDUSTRIAL_VISIT: { description: "A visit or excursion of a delegation to industrial sites." },
    TRAINING: { description: "Training or further qualification of staff or teachers." },
  },
});

export enum ProgramStatus {
  DRAFT = "DRAFT",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  EXPIRED = "EXPIRED",
  TERMINATED = "TERMINATED",
}
registerEnumType(ProgramStatus, {
  name: "ProgramStatus",
  description: "Where a program stands in its lifecycle.",
  valuesConfig: {
    DRAFT: { description: "Being prepared; not yet confirmed by every signatory party." },
    ACTIVE: { description: "In force: signed by every signatory party and not ended." },
    COMPLETED: { description: "Carried out as planned (a visit, an opening, a finished project)." },
    EXPIRED: { description: "Its term ran out." },
    TERMINATED: { description: "Ended early by a party." },
  },
});

export enum InstitutionType {
  ENTERPRISE = "ENTERPRISE",
  UNIVERSITY = "UNIVERSITY",
}
registerEnumType(InstitutionType, {
  name: "InstitutionType",
  description: "Which subgraph owns an institution: enterprises or universities.",
  valuesConfig: {
    ENTERPRISE: { description: "An enterprise (owned by the enterprises subgraph); its units are divisions." },
    UNIVERSITY: { description: "A university or other educational or research institution (owned by the universities subgraph); its units are departments." },
  },
});

export enum PartyRole {
  SIGNATORY = "SIGNATORY",
  HOST = "HOST",
  PARTNER = "PARTNER",
  FUNDER = "FUNDER",
  PARTICIPANT = "PARTICIPANT",
}
registerEnumType(PartyRole, {
  name: "PartyRole",
  description: "The part an institution plays in a program.",
  valuesConfig: {
    SIGNATORY: { description: "Signed the program's document; its confirmation is needed for the program to become active." },
    HOST: { description: "Hosts the program's activities on its premises." },
    PARTNER: { description: "Takes part as a partner without signing." },
    FUNDER: { description: "Pays for the program or part of it." },
    PARTICIPANT: { description: "Sends participants (students, staff) to the program." },
  },
});
