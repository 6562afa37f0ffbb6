import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { confidential } from "../../../shared/auth/access";
import { Country, country } from "../../../shared/domain/code-lists/types";
import { Department } from "../entities/department";
import { Honour, Person } from "../entities/person";
import { University } from "../entities/university";
import type { UniversitiesContext } from "../context";

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => University, { description: "The institution the person belongs to." })
  async university(@Root() person: Person, @Ctx() context: UniversitiesContext): Promise<University> {
    return (await context.lookup(University).load(person.universityId))!;
  }

  @FieldResolver(() => Department, { nullable: true, description: "The faculty or department the person belongs to, if the source names one." })
  department(@Root() person: Person, @Ctx() context: UniversitiesContext): Promise<Department | null> | null {
    return person.departmentId ? context.lookup(Department).load(person.departmentId) : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country the person comes from, with its name." })
  originCountry(@Root() person: Person): Country | null {
    return person.originCountryCode ? country(person.originCountryCode) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "E-mail address. Confidential: visible to the institution's own credentials (reader, editor) and administrators; others get FORBIDDEN (UNAUTHENTICATED without a token)." })
  email(@Root() person: Person, @Ctx() context: UniversitiesContext): string | null {
    return confidential(context.access, [person.universityId], "Person.email", person.email);
  }

  @FieldResolver(() => String, { nullable: true, description: "Phone number. Confidential, like `email`." })
  phone(@Root() person: Person, @Ctx() context: UniversitiesContext): string | null {
    return confidential(context.access, [person.universityId], "Person.phone", person.phone);
  }
}

@Resolver(() => Honour)
export class HonourResolver {
  @FieldResolver(() => University, { nullable: true, description: "The university that awarded it, when it is one in the graph." })
  awardingUniversity(@Root() honour: Honour, @Ctx() context: UniversitiesContext): Promise<University | null> | null {
    return honour.awardingUniversityId ? context.lookup(University).load(honour.awardingUniversityId) : null;
  }
}
