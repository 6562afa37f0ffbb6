/** The enterprises subgraph: enterprises and their divisions, in PostgreSQL schema "enterprises". */
import { CountryListResolver } from "../../shared/domain/code-lists/resolvers";
import { AuditEntry } from "../../shared/audit/audit-entry";
import { ExternalReference } from "../../shared/import/external-reference";
import { changeFeedResolver } from "../../shared/audit/change-feed";
import { recordEvents } from "../../shared/webhooks/record-events";
import { webhookOutboxResolver } from "../../shared/webhooks/outbox-feed";
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Contact } from "./entities/contact";
import { Division } from "./entities/division";
import { Enterprise } from "./entities/enterprise";
import { EnterpriseName } from "./entities/enterprise-name";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { ContactMutations } from "./resolvers/contact.mutations";
import { ContactResolver } from "./resolvers/contact.resolver";
import { DivisionMutations } from "./resolvers/division.mutations";
import { EnterpriseMutations } from "./resolvers/enterprise.mutations";
import { DivisionResolver } from "./resolvers/division.resolver";
import { EnterpriseResolver } from "./resolvers/enterprise.resolver";
import { seed } from "./seed";
import { importMutation } from "../../shared/import/import-mutation";
import { divisionImporter, contactImporter } from "./import/importers";

/** Confidential fields, as the change feed and webhooks blank them. */
const ENTERPRISE_CONFIDENTIAL_FIELDS = { Contact: ["email", "phone"] };

/** The enterprises subgraph's change feed; contacts' e-mail and phone are confidential. */
const enterpriseChanges = changeFeedResolver(
  "enterpriseChanges",
  "What changed in enterprises, divisions and contacts since an instant, oldest first, archivals included: for partner systems to sync incrementally. Needs a token.",
  ENTERPRISE_CONFIDENTIAL_FIELDS,
);

export const enterprises: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "enterprises",
  entities: [Enterprise, EnterpriseName, Division, Contact, AuditEntry, ExternalReference],
  migrations,
  resolvers: [EnterpriseResolver, DivisionResolver, ContactResolver, CountryListResolver, EnterpriseMutations, DivisionMutations, ContactMutations, importMutation(divisionImporter), importMutation(contactImporter), enterpriseChanges, webhookOutboxResolver(recordEvents("enterprises", ENTERPRISE_CONFIDENTIAL_FIELDS))],
  createLoaders,
  seed,
};
