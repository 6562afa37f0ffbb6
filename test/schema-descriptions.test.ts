/**
 * Analysts learn the graph from the descriptions GraphiQL shows, so every
 * type, field, argument, input field and enum value clients can see must have
 * one. Checked on the API schema composed from the subgraphs' code, i.e. after
 * composition has merged entity stubs into their owners' descriptions.
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { composeApiSchema } from "../gateway/composition";

/** Dotted paths (`Type.field(argument)`) of every schema element without a description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  const checkArguments = (path: string, args: readonly GraphQLArgument[]) => {
    for (const arg of args) check(`${path}(${arg.name})`, arg.description);
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        checkArguments(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(`@${directive.name}`, directive.description);
    checkArguments(`@${directive.name}`, directive.args);
  }
  return missing;
}

describe("the schema analysts read", () => {
  it("describes every type, field, argument, input field and enum value", async () => {
    const schema = await composeApiSchema();
    expect(Object.keys(schema.getTypeMap()).length).toBeGreaterThan(20);
    expect(undocumented(schema), "add a description in the owning subgraph's code, then `npm run compose`").toEqual([]);
  });

  it("does not show federation's machinery", async () => {
    const names = Object.keys((await composeApiSchema()).getTypeMap());
    expect(names.filter((name) => /^(join__|link__|_Service$|_Entity$|_Any$)/.test(name))).toEqual([]);
  });
});
