/**
 * Who can reach whom: for every deployment, the circle of people and systems its users can
 * reach, derived from its federation, federation group, bridges, interoperability and reach
 * facts. A circle rests on the claims it follows from, so a presumption stays a presumption and
 * a dispute between sources stays a dispute (with each side's circle).
 */
import type { Claim } from "../../schema/index.ts";
import { headlineValue, isPresumption, type ClaimSummary } from "./derive.ts";
import type { DeploymentEntry } from "./registry-model.ts";

/**
 * How far a deployment's users reach other systems:
 * - `island`: their own instance only (federation off, presumed off, not possible or only planned),
 * - `group`: the servers on an allow-list, e.g. the other deployments sharing a federation group,
 * - `open`: any server that speaks the protocol,
 * - `bridged`: other systems through bridges,
 * - `unknown`: no source says.
 */
export const reachKinds = ["island", "group", "open", "bridged", "unknown"] as const;
export type ReachKind = (typeof reachKinds)[number];

/** A deployment's headline circle: one kind, or `disputed` where the sources lead to different kinds. */
export const reachClasses = [...reachKinds, "disputed"] as const;
export type ReachClass = (typeof reachClasses)[number];

/** Federation values under which users stay on their own instance. */
const ownInstanceOnly = new Set(["disabled", "presumed-disabled", "not-supported", "planned"]);

/** One circle a deployment's users reach, with the claims it follows from. */
export type ReachCircle = {
  kind: ReachKind;
  /** The federation value the circle follows from. */
  federation: string;
  /** For `group`: the allow-list's name, if the record gives one. */
  group?: string;
  /** For `open`: the protocol its servers speak (or `disputed`/`unknown`). */
  protocol?: string;
  /** For `bridged`: the systems the bridges reach, as the record names them. */
  bridgesTo?: string[];
  /** The federation claims that lead to this circle (none when no source says anything). */
  claims: Claim<string>[];
  /** Whether the circle rests only on an editor's presumption. */
  presumed: boolean;
};

/** Who outside its own system a deployment's people can reach, as derived from its facts. */
export type DeploymentReach = {
  id: string;
  class: ReachClass;
  /** One circle, or one per side where the sources disagree about federation. */
  circles: ReachCircle[];
  /** Whether the headline rests only on presumptions. */
  presumed: boolean;
  /** Other deployments in the same allow-list group, by id (only for a group circle, disputed or not). */
  groupPeers: string[];
  /** Whether products of different vendors talk to each other in its network. */
  crossVendor: boolean;
  /** People outside the organisation its users can reach (guests, other authorities, citizens): the reach fact. */
  people: ClaimSummary<string>;
};

/** A connected set of deployments: an allow-list group, or everyone federating openly on one protocol. */
export type ReachNetwork = {
  kind: "group" | "open";
  /** Identifies the network: its kind and the group's name, the protocol, or the one member of an unnamed group. */
  key: string;
  /** The group's name (undefined for an allow-list the record does not name) or the protocol. */
  name?: string;
  /** Members whose circle is this network without dispute. */
  members: string[];
  /** Members that are in it only on one side of a dispute. */
  disputedMembers: string[];
};

/** The whole picture: every deployment's reach, the connected networks, and counts by class. */
export type ReachOverview = {
  byId: Map<string, DeploymentReach>;
  networks: ReachNetwork[];
  counts: Record<ReachClass, number>;
  /** Of the islands, how many rest only on a presumption. */
  presumedIslands: number;
  total: number;
};

/** The claims of a summary that state one value. */
function claimsFor(summary: ClaimSummary<string>, value: string): Claim<string>[] {
  return summary.claims.filter((claim) => claim.value === value);
}

/** Whether the record says the deployment reaches other systems through bridges. */
function hasBridges(deployment: DeploymentEntry): boolean {
  return headlineValue(deployment.facts.interoperability) === "bridges" || (deployment.bridgesTo?.length ?? 0) > 0;
}

/** The circle one federation value leads to for a deployment. */
function circleFor(deployment: DeploymentEntry, federation: string): ReachCircle {
  const claims = claimsFor(deployment.facts.federation, federation);
  const presumed = claims.length > 0 && claims.every((claim) => claim.confidence === "presumed");
  const base = { federation, claims, presumed };
  if (federation === "enabled-open") {
    return { ...base, kind: "open", protocol: headlineValue(deployment.facts.protocol) };
  }
  if (federation === "enabled-allowlist") return { ...base, kind: "group", group: deployment.federationGroup };
  if (hasBridges(deployment)) return { ...base, kind: "bridged", bridgesTo: deployment.bridgesTo ?? [] };
  return { ...base, kind: ownInstanceOnly.has(federation) ? "island" : "unknown" };
}

/** The deployments by id, built once per list of deployments (every entry page names its group's peers from it). */
const byIdOf = new WeakMap<readonly DeploymentEntry[], Map<string, DeploymentEntry>>();
export function deploymentsById(all: readonly DeploymentEntry[]): Map<string, DeploymentEntry> {
  let byId = byIdOf.get(all);
  if (!byId) byIdOf.set(all, (byId = new Map(all.map((d) => [d.id, d]))));
  return byId;
}

/** Each federation group's members' ids, built once per list of deployments, so asking for every entry stays linear. */
const groupMembers = new WeakMap<readonly DeploymentEntry[], Map<string, string[]>>();
function membersByGroup(all: readonly DeploymentEntry[]): Map<string, string[]> {
  let members = groupMembers.get(all);
  if (!members) {
    members = new Map();
    for (const d of all) {
      if (!d.federationGroup) continue;
      const ids = members.get(d.federationGroup) ?? [];
      ids.push(d.id);
      members.set(d.federationGroup, ids);
    }
    groupMembers.set(all, members);
  }
  return members;
}

/** Derives one deployment's circles from its facts; `all` gives the peers in its group. */
export function deploymentReach(deployment: DeploymentEntry, all: DeploymentEntry[]): DeploymentReach {
  const federation = deployment.facts.federation;
  const values = federation.kind === "agreed" ? [federation.value] : federation.values;
  const circles = values.map((value) => circleFor(deployment, value));
  const kinds = [...new Set(circles.map((circle) => circle.kind))];
  const inGroup = circles.some((circle) => circle.kind === "group");
  const groupPeers =
    inGroup && deployment.federationGroup
      ? (membersByGroup(all).get(deployment.federationGroup) ?? []).filter((id) => id !== deployment.id)
      : [];
  return {
    id: deployment.id,
    class: kinds.length === 1 ? kinds[0]! : "disputed",
    circles,
    presumed: isPresumption(federation),
    groupPeers,
    crossVendor: headlineValue(deployment.facts.interoperability) === "cross-vendor",
    people: deployment.facts.reach,
  };
}

/** The name of the network a circle belongs to, if it is a connected one. */
function networkOf(circle: ReachCircle, id: string): Pick<ReachNetwork, "kind" | "key" | "name"> | undefined {
  if (circle.kind === "group") return { kind: "group", key: `group:${circle.group ?? id}`, name: circle.group };
  if (circle.kind === "open") return { kind: "open", key: `open:${circle.protocol}`, name: circle.protocol };
  return undefined;
}

/** A deployment's headline circle, for filtering and counting; it needs no other deployment. */
export function reachClassOf(deployment: DeploymentEntry): ReachClass {
  return deploymentReach(deployment, []).class;
}

/** Derives who can reach whom for every deployment, the connected networks and the counts. */
export function reachOverview(deployments: DeploymentEntry[]): ReachOverview {
  const byId = new Map(deployments.map((d) => [d.id, deploymentReach(d, deployments)]));
  const networks = new Map<string, ReachNetwork>();
  for (const reach of byId.values()) {
    for (const circle of reach.circles) {
      const found = networkOf(circle, reach.id);
      if (!found) continue;
      const network = networks.get(found.key) ?? { ...found, members: [], disputedMembers: [] };
      (reach.class === "disputed" ? network.disputedMembers : network.members).push(reach.id);
      networks.set(found.key, network);
    }
  }
  const counts = Object.fromEntries(reachClasses.map((c) => [c, 0])) as Record<ReachClass, number>;
  for (const reach of byId.values()) counts[reach.class] += 1;
  const presumedIslands = [...byId.values()].filter((r) => r.class === "island" && r.presumed).length;
  return {
    byId,
    networks: [...networks.values()].sort(
      (a, b) => b.members.length + b.disputedMembers.length - (a.members.length + a.disputedMembers.length),
    ),
    counts,
    presumedIslands,
    total: deployments.length,
  };
}
