/** Not stored: the cooperation network computed from programs and their parties. */
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../../shared/graphql/scalars";
import { InstitutionType, ProgramKind } from "../entities/enums";
import { Institution, type InstitutionReference } from "./institution";

@ObjectType("KindCount", { description: "How many programs of one kind." })
export class KindCount {
  @Field(() => ProgramKind, { description: "The kind of program." })
  kind: ProgramKind;

  @Field(() => Int, { description: "How many programs of that kind." })
  count: number;
}

// No `id` of its own: its counts depend on the network's filter, and client caches (Apollo's
// InMemoryCache, urql's graphcache) would merge two filtered networks' nodes into one object by id.
@ObjectType("NetworkNode", { description: "An institution in the cooperation network, with counts for the network's filter." })
export class NetworkNode {
  @Field(() => ID, {
    description: "The institution's id.",
    deprecationReason:
      "Use `institutionId`: a node's counts depend on the filter, so caches that normalise by `id` merge different networks' nodes.",
  })
  id: string;

  @Field(() => ID, { description: "The institution's id (also `institution.id`)." })
  get institutionId(): string {
    return this.id;
  }

  @Field(() => Institution, { description: "The enterprise or university." })
  institution: InstitutionReference;

  @Field(() => InstitutionType, { description: "Whether it is an enterprise or a university." })
  institutionType: InstitutionType;

  @Field(() => Int, { description: "How many of the matching programs it is a party to." })
  programCount: number;

  @Field(() => Int, { description: "How many institutions it shares those programs with (its degree in the network)." })
  partnerCount: number;
}

@ObjectType("NetworkEdge", { description: "Two institutions that share programs; `weight` is how many. The pair is unordered (`sourceId` < `targetId`)." })
export class NetworkEdge {
  @Field(() => ID, { description: "Id of one institution." })
  sourceId: string;

  @Field(() => ID, { description: "Id of the other institution." })
  targetId: string;

  @Field(() => Institution, { description: "One institution." })
  source: InstitutionReference;

  @Field(() => Institution, { description: "The other institution." })
  target: InstitutionReference;

  @Field(() => Int, { description: "How many matching programs the two share." })
  weight: number;

  @Field(() => Int, { description: "How many of those are active." })
  activeCount: number;

  @Field(() => [KindCount], { description: "The shared programs by kind, most first." })
  byKind: KindCount[];

  @Field(() => DateScalar, { nullable: true, description: "Earliest signing date of the shared programs." })
  firstSignedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Latest signing date of the shared programs." })
  latestSignedOn: string | null;
}

@ObjectType("CooperationNetwork", { description: "Who cooperates with whom: institutions as nodes, shared programs as weighted edges, ready for a network chart." })
export class CooperationNetwork {
  @Field(() => [NetworkNode], { description: "Institutions that have at least one edge, most programs first." })
  nodes: NetworkNode[];

  @Field(() => [NetworkEdge], { description: "Pairs of institutions sharing programs, heaviest first, at most `maxEdges`." })
  edges: NetworkEdge[];

  @Field(() => Int, { description: "How many programs matched the filter." })
  programCount: number;

  @Field(() => Int, { description: "How many edges there are in all; more than `edges` holds when the list was cut at `maxEdges`." })
  edgeCount: number;
}
