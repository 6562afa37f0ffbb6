/**
 * The subgraphs, each said once: its name (also its folder under subgraphs/
 * and its PostgreSQL schema), the prefix of its environment variables, the
 * subgraphs it needs running before it starts, the federation entity types it
 * owns and, for a subgraph whose records programs may name as parties, the
 * party kind. Configuration, the stack, provisioning, the institution kinds
 * of the programs subgraph and the tests all read this list.
 *
 * Plain data, importing nothing: shared/config.ts reads it, and the subgraph
 * modules (which import config) are loaded by folder in subgraphs/index.ts.
 * Adding a subgraph: a folder subgraphs/<name>/ whose index.ts exports the
 * definition as `<name>`, and one entry here.
 */

/** An entity type the gateway may ask its owner for by id, and the noun descriptions use for it. */
export interface EntityTypeEntry {
  readonly type: string;
  readonly noun: string;
}

/** An institution type, with the article its noun takes ("an enterprise", "a university"). */
export interface InstitutionTypeEntry extends EntityTypeEntry {
  readonly article: "a" | "an";
}

/** Institutions a program may name as parties (or activity hosts), with the units a party may name inside them. */
export interface PartyKindEntry {
  /** Value of the GraphQL enum InstitutionType, stored in program_party.institution_type. */
  readonly kind: string;
  readonly description: string;
  readonly institution: InstitutionTypeEntry;
  /** The unit type (a division, a department), and the field of a unit that names its institution. */
  readonly unit: EntityTypeEntry & { readonly institutionField: string };
  /** The people of an institution its subgraph keeps (contacts, people): their webhook events are named by the noun. */
  readonly member: EntityTypeEntry;
}

export interface SubgraphEntry {
  readonly name: string;
  /** ENTERPRISES: ENTERPRISES_PORT, ENTERPRISES_URL, ENTERPRISES_DATABASE_URL. */
  readonly envPrefix: string;
  readonly defaultPort: number;
  /** Subgraphs it calls while it serves (reference checks): they start before it. */
  readonly dependsOn: readonly string[];
  /** Federation entity types it owns (`@key(fields: "id")`). */
  readonly entityTypes: readonly string[];
  readonly partyKind?: PartyKindEntry;
  /** It asks every other subgraph too, whenever it serves (programs answers node(id:) for the whole graph). */
  readonly asksEveryOther?: boolean;
}

export const SUBGRAPH_REGISTRY = [
  {
    name: "enterprises",
    envPrefix: "ENTERPRISES",
    defaultPort: 4001,
    dependsOn: [],
    entityTypes: ["Enterprise", "Division", "Contact"],
    partyKind: {
      kind: "ENTERPRISE",
      description: "An enterprise (owned by the enterprises subgraph); its units are divisions.",
      institution: { type: "Enterprise", noun: "enterprise", article: "an" },
      unit: { type: "Division", noun: "division", institutionField: "enterprise" },
      member: { type: "Contact", noun: "contact" },
    },
  },
  {
    name: "universities",
    envPrefix: "UNIVERSITIES",
    defaultPort: 4002,
    dependsOn: [],
    entityTypes: ["University", "Department", "Person"],
    partyKind: {
      kind: "UNIVERSITY",
      description: "A university or other educational or research institution (owned by the universities subgraph); its units are departments.",
      institution: { type: "University", noun: "university", article: "a" },
      unit: { type: "Department", noun: "department", institutionField: "university" },
      member: { type: "Person", noun: "person" },
    },
  },
  {
    name: "programs",
    envPrefix: "PROGRAMS",
    defaultPort: 4003,
    // Checks every institution and unit a program names with the subgraph that owns it.
    dependsOn: ["enterprises", "universities"],
    entityTypes: ["Program"],
    asksEveryOther: true,
  },
] as const satisfies readonly SubgraphEntry[];

type Registry = typeof SUBGRAPH_REGISTRY;
export type SubgraphName = Registry[number]["name"];
export type SubgraphEnvPrefix = Registry[number]["envPrefix"];
type PartyEntry = Extract<Registry[number], { partyKind: PartyKindEntry }>;
/** ENTERPRISE | UNIVERSITY: the institution kinds a program party may name. */
export type PartyKind = PartyEntry["partyKind"]["kind"];

export const SUBGRAPH_NAMES = SUBGRAPH_REGISTRY.map((entry) => entry.name) as readonly SubgraphName[];

const BY_NAME = new Map<string, SubgraphEntry>(SUBGRAPH_REGISTRY.map((entry) => [entry.name, entry]));

export function subgraphEntry(name: SubgraphName): SubgraphEntry {
  return BY_NAME.get(name)!;
}

export function isSubgraphName(name: string): name is SubgraphName {
  return BY_NAME.has(name);
}

/** The subgraphs that own the institutions program parties name, in registry order, with their party kind. */
export const PARTY_SUBGRAPHS = SUBGRAPH_REGISTRY.filter((entry): entry is PartyEntry => "partyKind" in entry);
export const PARTY_KINDS = PARTY_SUBGRAPHS.map((entry) => entry.partyKind);

/** Every subgraph after the ones it depends on; registry order among equals. Throws on an unknown name or a cycle. */
export function startOrder(entries: readonly SubgraphEntry[] = SUBGRAPH_REGISTRY): SubgraphName[] {
  const known = new Map(entries.map((entry) => [entry.name, entry]));
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`Subgraphs depend on each other in a cycle: ${[...path, name].join(" → ")}`);
    const entry = known.get(name);
    if (!entry) throw new Error(`${path.at(-1)} depends on ${name}, which is not a subgraph`);
    state.set(name, "visiting");
    for (const dependency of entry.dependsOn) visit(dependency, [...path, name]);
    state.set(name, "done");
    order.push(name);
  };
  for (const entry of entries) visit(entry.name, []);
  return order as SubgraphName[];
}

/**
 * The entity types a subgraph's SDL carries a key for: its own, and the party
 * institutions and units of the subgraphs it depends on (which it extends).
 */
export function keyedEntityTypes(name: SubgraphName): string[] {
  const entry = subgraphEntry(name);
  const extended = entry.dependsOn
    .map((dependency) => BY_NAME.get(dependency)!.partyKind)
    .filter((party): party is PartyKindEntry => party !== undefined);
  return [...entry.entityTypes, ...extended.map((party) => party.institution.type), ...extended.map((party) => party.unit.type)];
}

/** The subgraphs a subgraph calls while it serves: those it depends on, and every other one if it asks them all. */
export function peersOf(name: string, entries: readonly SubgraphEntry[] = SUBGRAPH_REGISTRY): string[] {
  const entry = entries.find((candidate) => candidate.name === name)!;
  return entry.asksEveryOther ? entries.filter((other) => other.name !== name).map((other) => other.name) : [...entry.dependsOn];
}
