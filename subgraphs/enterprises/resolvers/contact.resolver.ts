import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { confidential } from "../../../shared/auth/access";
import { Contact } from "../entities/contact";
import { Division } from "../entities/division";
import { Enterprise } from "../entities/enterprise";
import type { EnterprisesContext } from "../context";

@Resolver(() => Contact)
export class ContactResolver {
  @FieldResolver(() => Enterprise, { description: "The enterprise the contact belongs to." })
  async enterprise(@Root() contact: Contact, @Ctx() context: EnterprisesContext): Promise<Enterprise> {
    return (await context.lookup(Enterprise).load(contact.enterpriseId))!;
  }

  @FieldResolver(() => Division, { nullable: true, description: "The division the contact works in, if one is named." })
  division(@Root() contact: Contact, @Ctx() context: EnterprisesContext): Promise<Division | null> | null {
    return contact.divisionId ? context.lookup(Division).load(contact.divisionId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "E-mail address. Confidential: visible to the enterprise's own credentials (reader, editor) and administrators; others get FORBIDDEN (UNAUTHENTICATED without a token)." })
  email(@Root() contact: Contact, @Ctx() context: EnterprisesContext): string | null {
    return confidential(context.access, [contact.enterpriseId], "Contact.email", contact.email);
  }

  @FieldResolver(() => String, { nullable: true, description: "Phone number. Confidential, like `email`." })
  phone(@Root() contact: Contact, @Ctx() context: EnterprisesContext): string | null {
    return confidential(context.access, [contact.enterpriseId], "Contact.phone", contact.phone);
  }
}
