/** Not stored: statistics computed from programs, their parties, directions and activities. */
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ProgramStatsGrouping {
  KIND = "KIND",
  STATUS = "STATUS",
  YEAR_SIGNED = "YEAR_SIGNED",
  DIRECTION = "DIRECTION",
  COUNTRY = "COUNTRY",
  FIELD = "FIELD",
  PARTY_TYPE = "PARTY_TYPE",
}
registerEnumType(ProgramStatsGrouping, {
  name: "ProgramStatsGrouping",
  description: "How to group programs for statistics.",
  valuesConfig: {
    KIND: { description: "By kind of program (ProgramKind)." },
    STATUS: { description: "By lifecycle status (ProgramStatus)." },
    YEAR_SIGNED: { description: "By the year the program was signed; `key` is null for programs without a signing date." },
    DIRECTION: { description: "By direction of cooperation (CooperationDirection); a program with several directions counts in each." },
    COUNTRY: { description: "By country of the parties (ISO 3166-1 alpha-2); a program counts once in each of its parties' countries." },
    FIELD: { description: "By field of education (ISCED-F code); a program counts in each of its fields." },
    PARTY_TYPE: { description: "By type of party (ENTERPRISE, UNIVERSITY); a program counts once in each type it involves." },
  },
});

@ObjectType("ProgramStatsBucket", { description: "The programs that share one value of the grouping, counted and summed." })
export class ProgramStatsBucket {
  @Field(() => String, { nullable: true, description: "The value the programs share (a kind, status, year, direction, country code, field code or party type); null for programs without one." })
  key: string | null;

  @Field(() => Int, { description: "How many programs." })
  programCount: number;

  @Field(() => Int, { description: "How many of them are active." })
  activeProgramCount: number;

  @Field(() => Int, { description: "How many activities they have." })
  activityCount: number;

  @Field(() => Int, { description: "Participants planned in their activities, summed." })
  plannedParticipants: number;

  @Field(() => Int, { description: "Participants who took part in their activities, summed." })
  actualParticipants: number;
}
