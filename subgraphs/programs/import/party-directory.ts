/**
 * Parties in an import file are named as people name them: by id, slug, ROR
 * id, or a name in any language and script. The directory asks each
 * subgraph that owns institutions for all of them once per import (the
 * existing peer calls, public fields only) and answers exactly: a name that
 * matches several institutions, or none, is a problem for the row, never a
 * guess. A unit is named by id or by its slug.
 */
import { isUuid } from "../../../shared/records/ids";
import type { ProgramsContext } from "../context";
import type { InstitutionType } from "../entities/enums";
import { INSTITUTION_KINDS, type InstitutionKind } from "../entities/institution-kinds";

export interface DirectoryEntry {
  id: string;
  institutionType: InstitutionType;
  slug: string;
  name: string;
}

type Found = { entry: DirectoryEntry } | { problem: string };

/** Names compared as a person reads them: same characters (Unicode NFC), any case, spaces as one. */
export const comparableName = (name: string) => name.normalize("NFC").toLocaleLowerCase("und").replace(/\s+/g, " ").trim();

const listField = (kind: InstitutionKind) => (kind.institution.noun.endsWith("y") ? `${kind.institution.noun.slice(0, -1)}ies` : `${kind.institution.noun}s`);
// Universities carry a ROR id; other kinds have none.
const rorField = (kind: InstitutionKind) => (kind.institution.type === "University" ? "rorId" : "");

const PAGE = 1000;

interface Listed {
  id: string;
  slug: string;
  name: string;
  shortName?: string | null;
  rorId?: string | null;
  names: { value: string }[];
}

export class PartyDirectory {
  private readonly byId = new Map<string, DirectoryEntry>();
  private readonly byKey = new Map<string, DirectoryEntry[]>();
  private readonly units = new Map<string, Promise<string | null>>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly context: ProgramsContext) {}

  private add(key: string, entry: DirectoryEntry): void {
    const list = this.byKey.get(key) ?? [];
    if (!list.includes(entry)) list.push(entry);
    this.byKey.set(key, list);
  }

  private async load(): Promise<void> {
    for (const kind of INSTITUTION_KINDS) {
      const field = listField(kind);
      let after: string | null = null;
      for (;;) {
        const data: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Listed[] }> = await this.context.peers.query(
          kind.owner,
          `query Directory($after: String) { ${field}(first: ${PAGE}, after: $after) { pageInfo { hasNextPage endCursor } nodes { id slug name shortName ${rorField(kind)} names { value } } } }`,
          { after },
          this.context.requestId,
        );
        const page = data[field];
        for (const listed of page.nodes) {
          const entry: DirectoryEntry = { id: listed.id, institutionType: kind.kind, slug: listed.slug, name: listed.name };
          this.byId.set(listed.id, entry);
          this.add(`slug:${listed.slug}`, entry);
          if (listed.rorId) this.add(`ror:${listed.rorId}`, entry);
          for (const name of [listed.name, listed.shortName, ...listed.names.map((n) => n.value)]) if (name) this.add(`name:${comparableName(name)}`, entry);
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    }
  }

  /** The institution a cell names: by id, slug, ROR id (with or without https://ror.org/), or one of its names. */
  async find(value: string): Promise<Found> {
    this.loaded ??= this.load();
    await this.loaded;
    if (isUuid(value)) {
      const entry = this.byId.get(value.toLowerCase());
      return entry ? { entry } : { problem: `no institution has id ${value}` };
    }
    const ror = value.replace(/^https?:\/\/ror\.org\//i, "");
    const matches = this.byKey.get(`slug:${value}`) ?? this.byKey.get(`ror:${ror}`) ?? this.byKey.get(`name:${comparableName(value)}`) ?? [];
    if (matches.length === 1) return { entry: matches[0] };
    if (matches.length === 0) return { problem: `no institution has the id, slug, ROR id or name ${JSON.stringify(value)}` };
    return { problem: `${JSON.stringify(value)} names ${matches.length} institutions (${matches.map((m) => m.slug).join(", ")}); name one by its slug or id` };
  }

  /** A unit's id from its id or slug (its institution is checked by the program's reference check). */
  unitId(institutionType: InstitutionType, value: string): Promise<string | null> {
    if (isUuid(value)) return Promise.resolve(value.toLowerCase());
    const kind = INSTITUTION_KINDS.find((k) => k.kind === institutionType)!;
    const key = `${institutionType}:${value}`;
    if (!this.units.has(key)) {
      const field = kind.unit.noun;
      this.units.set(
        key,
        this.context.peers
          .query<Record<string, { id: string } | null>>(kind.owner, `query Unit($slug: String!) { ${field}(slug: $slug) { id } }`, { slug: value }, this.context.requestId)
          .then((data) => data[field]?.id ?? null),
      );
    }
    return this.units.get(key)!;
  }
}
