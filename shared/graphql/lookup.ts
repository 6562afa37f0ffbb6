/** Root fields like `enterprise(id, slug)` take exactly one of the two keys. */
import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { RecordLookup } from "./dataloaders";
import { badUserInput } from "./errors";
import { isUuid } from "../records/ids";
import { registerArgumentRules } from "../records/input-fields";
import { slug as slugRule } from "../records/validation";

registerArgumentRules("slug", [slugRule]);

export async function findByIdOrSlug<T extends ObjectLiteral & { slug: string }>(
  lookup: RecordLookup,
  entity: EntityTarget<T>,
  id: string | null | undefined,
  slug: string | null | undefined,
): Promise<T | null> {
  if ((id == null) === (slug == null)) throw badUserInput("Give exactly one of id or slug.", id == null ? "id" : "slug");
  if (id != null) {
    // An id that is not a UUID can name nothing; say so rather than answer null.
    if (!isUuid(id)) throw badUserInput(`id must be a UUID, got ${JSON.stringify(id.slice(0, 60))}`, "id");
    return lookup(entity).load(id.toLowerCase());
  }
  // Likewise a slug that breaks the slug rules (text with NUL, SQL) names nothing.
  const malformed = slugRule(slug!);
  if (malformed) throw badUserInput(`slug ${malformed}`, "slug");
  return lookup(entity, "slug").load(slug!);
}
