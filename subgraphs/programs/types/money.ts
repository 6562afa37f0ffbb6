import { Field, ObjectType } from "type-graphql";

/** Not stored on its own: a program's budget columns as one value. */
@ObjectType("Money", { description: "An amount of money in a currency." })
export class Money {
  @Field(() => String, { description: "Exact decimal amount as text (no rounding), e.g. `150000.00`." })
  amount: string;

  @Field(() => String, { description: "ISO 4217 currency code, e.g. `UZS`, `RUB`, `USD`." })
  currency: string;
}
