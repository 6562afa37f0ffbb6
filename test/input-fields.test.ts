/**
 * The declared-once fields (shared/records/input-fields.ts): the inputs, the
 * rules and what the rules say of a value all come from one declaration.
 */
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { isNonNullType, type GraphQLInputObjectType } from "graphql";
import * as rules from "../shared/records/validation";
import { declaredRules, recordFields, rulesOf } from "../shared/records/input-fields";
import { composeApiSchema } from "../gateway/composition";

const schema = await composeApiSchema();

describe("rules that read as well as check", () => {
  const examples = Object.entries(rules).filter(([, rule]) => typeof rule === "function" && "example" in rule && (rule as rules.Rule).example !== undefined);

  it.each(examples.map(([name, rule]) => ({ name, rule: rule as rules.Rule })))("$name accepts its own example", ({ rule }) => {
    expect(rule(rule.example)).toBeNull();
  });

  it("every code rule has an example", () => {
    const codes = Object.entries(rules).filter(([, rule]) => typeof rule === "function" && (rule as rules.Rule).kind === "code");
    expect(codes.length).toBeGreaterThan(8);
    expect(codes.filter(([, rule]) => (rule as rules.Rule).example === undefined).map(([name]) => name)).toEqual([]);
  });
});

describe("inputs derived from the declarations", () => {
  it("a create input requires what the rules require, an update input nothing", () => {
    const fields = recordFields({
      name: { type: () => String, required: true, rules: [rules.text(10)], create: "Name.", update: "New name." },
      note: { type: () => String, rules: [rules.text(10)], create: "Note." },
    });
    expect(Object.keys(rulesOf(fields))).toEqual(["name", "note"]);
    expect(() => rules.validate({ note: "x" } as never, rulesOf(fields))).toThrow(/name: is required/);
  });

  it("every input field of the API has declared rules, so the hostile suite knows what to send it", () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!("getFields" in type) || type.name.startsWith("__") || type.constructor.name !== "GraphQLInputObjectType") continue;
      for (const field of Object.values((type as GraphQLInputObjectType).getFields())) {
        const named = String(field.type).replace(/[![\]]/g, "");
        if (named === "String" && !declaredRules(type.name, field.name)?.length) undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it("required create fields are non-null in the schema", () => {
    const enterpriseInput = schema.getType("EnterpriseInput") as GraphQLInputObjectType;
    const required = Object.values(enterpriseInput.getFields()).filter((field) => isNonNullType(field.type)).map((field) => field.name);
    expect(required).toEqual(["slug", "name", "countryCode"]);
  });
});
