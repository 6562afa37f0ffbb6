/** The universities subgraph: universities, branches and departments, in PostgreSQL schema "universities". */
import { FieldOfEducationListResolver } from "../../shared/domain/code-lists/resolvers";
import { AuditEntry } from "../../shared/audit/audit-entry";
import { ExternalReference } from "../../shared/import/external-reference";
import { changeFeedResolver } from "../../shared/audit/change-feed";
import { recordEvents } from "../../shared/webhooks/record-events";
import { webhookOutboxResolver } from "../../shared/webhooks/outbox-feed";
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Department } from "./entities/department";
import { Person } from "./entities/person";
import { University } from "./entities/university";
import { UniversityName } from "./entities/university-name";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { DepartmentMutations } from "./resolvers/department.mutations";
import { DepartmentResolver } from "./resolvers/department.resolver";
import { PersonMutations } from "./resolvers/person.mutations";
import { UniversityMutations } from "./resolvers/university.mutations";
import { HonourResolver, PersonResolver } from "./resolvers/person.resolver";
import { UniversityResolver } from "./resolvers/university.resolver";
import { seed } from "./seed";
import { importMutation } from "../../shared/import/import-mutation";
import { departmentImporter, personImporter } from "./import/importers";

/** Confidential fields, as the change feed and webhooks blank them. */
const UNIVERSITY_CONFIDENTIAL_FIELDS = { Person: ["email", "phone"] };

/** The universities subgraph's change feed; people's e-mail and phone are confidential. */
const universityChanges = changeFeedResolver(
  "universityChanges",
  "What changed in universities, departments and people since an instant, oldest first, archivals included: for partner systems to sync incrementally. Needs a token.",
  UNIVERSITY_CONFIDENTIAL_FIELDS,
);

export const universities: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "universities",
  entities: [University, UniversityName, Department, Person, AuditEntry, ExternalReference],
  migrations,
  resolvers: [
    UniversityResolver,
    DepartmentResolver,
    PersonResolver,
    HonourResolver,
    FieldOfEducationListResolver,
    UniversityMutations,
    DepartmentMutations,
    PersonMutations,
    importMutation(departmentImporter),
    importMutation(personImporter),
    universityChanges,
    // Its audit log as the webhook outbox, read by the programs subgraph, which keeps the subscriptions.
    webhookOutboxResolver(recordEvents("universities", UNIVERSITY_CONFIDENTIAL_FIELDS)),
  ],
  createLoaders,
  seed,
};
