/**
 * Columns every stored record has, as both TypeORM columns and GraphQL fields:
 * id, timestamps and the optimistic-concurrency version.
 */
import { Field, ID, Int, ObjectType } from "type-graphql";
import { CreateDateColumn, PrimaryColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { Node } from "../graphql/node";
import { DateTimeScalar } from "../graphql/scalars";

// Never emitted itself (no field returns it); its fields, and `Node`, are inherited by every stored type.
@ObjectType({ implements: Node })
export abstract class StoredRecord {
  @Field(() => ID, { description: "Stable unique identifier (a UUID)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Field(() => DateTimeScalar, { description: "When the record was created." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When the record last changed." })
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @Field(() => Int, { description: "Revision number, raised by every change; send it back with an update so a concurrent change is detected (CONFLICT) instead of overwritten." })
  @VersionColumn({ type: "integer" })
  version: number;
}
