import { Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { CooperationDirection } from "./enums";
import { Program } from "./program";

@ObjectType("ProgramDirection", { description: "One direction of cooperation a program provides for, with the program's own words for it." })
@Entity({ name: "program_direction" })
@Check("ck_program_direction_direction", `direction IN ('SPECIALIST_TRAINING', 'PRACTICAL_TRAINING', 'EMPLOYMENT', 'SCHOLARSHIPS', 'STUDENT_EXCHANGE', 'STAFF_EXCHANGE', 'STAFF_DEVELOPMENT', 'CURRICULUM_DEVELOPMENT', 'JOINT_RESEARCH', 'JOINT_LABORATORIES', 'TECHNOLOGY_TRANSFER', 'STARTUPS_AND_VENTURES', 'CONSORTIA', 'INNOVATION', 'EVENTS', 'INDUSTRIAL_VISITS', 'INTERNATIONAL_COOPERATION', 'BUSINESS_CONTACTS')`)
@Index("ix_program_direction_direction", ["direction"])
export class ProgramDirection {
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Index("ix_program_direction_program_id")
  @Column({ type: "uuid" })
  programId: string;

  @ManyToOne(() => Program, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "program_id" })
  program?: Program;

  @Field(() => CooperationDirection, { description: "The direction, for filtering and statistics." })
  @Column({ type: "text" })
  direction: CooperationDirection;

  @Field(() => String, { nullable: true, description: "What the program says about it, e.g. `joint research projects in engineering, materials science, metallurgy and nanotechnology`." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "integer", default: 0 })
  position: number;
}
