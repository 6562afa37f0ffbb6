import { registerEnumType } from "type-graphql";
import { INSTITUTION_KINDS, eitherOf, type PartyKind } from "./institution-kinds";

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

/** One value per kind of institution in the subgraph registry (ENTERPRISE, UNIVERSITY), used like an enum. */
export const InstitutionType = Object.fromEntries(INSTITUTION_KINDS.map(({ kind }) => [kind, kind])) as { readonly [K in PartyKind]: K };
export type InstitutionType = PartyKind;
registerEnumType(InstitutionType, {
  name: "InstitutionType",
  description: `Which subgraph owns an institution: ${eitherOf(INSTITUTION_KINDS.map((kind) => kind.owner))}.`,
  valuesConfig: Object.fromEntries(INSTITUTION_KINDS.map((kind) => [kind.kind, { description: kind.description }])),
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

export enum CooperationDirection {
  SPECIALIST_TRAINING = "SPECIALIST_TRAINING",
  PRACTICAL_TRAINING = "PRACTICAL_TRAINING",
  EMPLOYMENT = "EMPLOYMENT",
  SCHOLARSHIPS = "SCHOLARSHIPS",
  STUDENT_EXCHANGE = "STUDENT_EXCHANGE",
  STAFF_EXCHANGE = "STAFF_EXCHANGE",
  STAFF_DEVELOPMENT = "STAFF_DEVELOPMENT",
  CURRICULUM_DEVELOPMENT = "CURRICULUM_DEVELOPMENT",
  JOINT_RESEARCH = "JOINT_RESEARCH",
  JOINT_LABORATORIES = "JOINT_LABORATORIES",
  TECHNOLOGY_TRANSFER = "TECHNOLOGY_TRANSFER",
  STARTUPS_AND_VENTURES = "STARTUPS_AND_VENTURES",
  CONSORTIA = "CONSORTIA",
  INNOVATION = "INNOVATION",
  EVENTS = "EVENTS",
  INDUSTRIAL_VISITS = "INDUSTRIAL_VISITS",
  INTERNATIONAL_COOPERATION = "INTERNATIONAL_COOPERATION",
  BUSINESS_CONTACTS = "BUSINESS_CONTACTS",
}
registerEnumType(CooperationDirection, {
  name: "CooperationDirection",
  description: "A direction of cooperation a program provides for.",
  valuesConfig: {
    SPECIALIST_TRAINING: { description: "Training specialists for the enterprise's needs." },
    PRACTICAL_TRAINING: { description: "Internships, industrial practice and practical classes for students." },
    EMPLOYMENT: { description: "Guaranteed or preferred employment of graduates." },
    SCHOLARSHIPS: { description: "Scholarships for students funded by a party." },
    STUDENT_EXCHANGE: { description: "Students studying at the partner institution." },
    STAFF_EXCHANGE: { description: "Teachers and staff working or teaching at the partner." },
    STAFF_DEVELOPMENT: { description: "Further training and qualification of teachers, specialists and staff." },
    CURRICULUM_DEVELOPMENT: { description: "Developing curricula and educational programs together." },
    JOINT_RESEARCH: { description: "Joint research projects and innovative developments." },
    JOINT_LABORATORIES: { description: "Laboratories set up and run together." },
    TECHNOLOGY_TRANSFER: { description: "Transfer of technologies into production." },
    STARTUPS_AND_VENTURES: { description: "Corporate venture programs and support for start-ups." },
    CONSORTIA: { description: "Science and production consortia." },
    INNOVATION: { description: "Developing innovative products for industry." },
    EVENTS: { description: "Forums, conferences and seminars." },
    INDUSTRIAL_VISITS: { description: "Excursions and visits to production sites." },
    INTERNATIONAL_COOPERATION: { description: "Widening international cooperation, attracting foreign specialists and organisations." },
    BUSINESS_CONTACTS: { description: "Developing scientific, production, information and business contacts." },
  },
});

export enum ActivityKind {
  OPENING = "OPENING",
  INTERNSHIP = "INTERNSHIP",
  EXCHANGE = "EXCHANGE",
  SCHOLARSHIP = "SCHOLARSHIP",
  EXCURSION = "EXCURSION",
  VISIT = "VISIT",
  SEMINAR = "SEMINAR",
  TRAINING = "TRAINING",
  JOINT_RESEARCH = "JOINT_RESEARCH",
  LABORATORY = "LABORATORY",
  EMPLOYMENT = "EMPLOYMENT",
}
registerEnumType(ActivityKind, {
  name: "ActivityKind",
  description: "What happens in an activity under a program.",
  valuesConfig: {
    OPENING: { description: "The opening of a department, branch or laboratory." },
    INTERNSHIP: { description: "An internship or industrial practice." },
    EXCHANGE: { description: "Students or staff studying or working at the partner." },
    SCHOLARSHIP: { description: "Scholarships paid to students." },
    EXCURSION: { description: "An excursion to a production site, museum or shop floor." },
    VISIT: { description: "A visit or tour of a delegation." },
    SEMINAR: { description: "Seminars and practical classes." },
    TRAINING: { description: "Further training of staff or teachers." },
    JOINT_RESEARCH: { description: "A joint research project." },
    LABORATORY: { description: "Setting up or running a joint laboratory." },
    EMPLOYMENT: { description: "Employment of graduates." },
  },
});

export enum ActivityStatus {
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}
registerEnumType(ActivityStatus, {
  name: "ActivityStatus",
  description: "Whether an activity is planned, under way, done or cancelled.",
  valuesConfig: {
    PLANNED: { description: "Provided for, not yet started." },
    IN_PROGRESS: { description: "Under way." },
    COMPLETED: { description: "Took place." },
    CANCELLED: { description: "Will not take place." },
  },
});

export enum ProgramVersionStatus {
  PROPOSED = "PROPOSED",
  IN_FORCE = "IN_FORCE",
  REPLACED = "REPLACED",
  VOID = "VOID",
}
registerEnumType(ProgramVersionStatus, {
  name: "ProgramVersionStatus",
  description: "Where a version of a program's terms stands.",
  valuesConfig: {
    PROPOSED: { description: "The latest terms, awaiting approval: a DRAFT's terms, or an amendment of an ACTIVE program (the version in force stays in force meanwhile)." },
    IN_FORCE: { description: "Approved by every institution whose approval it needed: the terms the program's own fields show." },
    REPLACED: { description: "Was in force until a later version, approved by all, replaced it." },
    VOID: { description: "Changed again before everyone had approved it (or the program was terminated): its approvals count for nothing." },
  },
});
