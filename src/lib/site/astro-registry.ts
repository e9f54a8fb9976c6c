/**
 * The one place that asks Astro for data: loads the collections once and hands pages the
 * resolved registry (see registry-model.ts). Pages import from here.
 */
import { getCollection } from "astro:content";
import type { Claim } from "../../schema/index.ts";
import { headlineValue, isConcrete, presumers, type ClaimSummary } from "../model/derive.ts";
import { dataVersion } from "../model/data-version.ts";
import { changesOf, registryHistory, type RecordChange, type RegistryHistory } from "../model/record-history.ts";
import { registryDataDir } from "../../config.ts";
import { mostRelated } from "../model/related.ts";
import { productDeployments } from "../model/product-deployments.ts";
import type { CollectionName } from "../../schema/index.ts";
import {
  buildRegistry,
  type DeploymentEntry,
  type PositionEntry,
  type ProductEntry,
  type RegistryModel,
} from "../model/registry-model.ts";

export type { DeploymentEntry, PositionEntry, ProductEntry, RegistryModel };

let cache: Promise<RegistryModel> | undefined;

async function load(): Promise<RegistryModel> {
  const [deployments, products, positions] = await Promise.all([
    getCollection("deployments"),
    getCollection("products"),
    getCollection("positions"),
  ]);
  return buildRegistry(deployments, products, positions);
}

function registry() {
  cache ??= load();
  return cache;
}

/** The registry's changes from the repository's history (see record-history.ts), read once per build. */
export function getRegistryHistory(): RegistryHistory {
  return registryHistory(registryDataDir);
}

/** One record's changes, newest first. */
export function getRecordChanges(collection: CollectionName, id: string): RecordChange[] {
  return changesOf(getRegistryHistory(), collection, id);
}

/** The day this build ran, YYYY-MM-DD: the access date a citation states until the reader's browser sets today's. */
export const buildDate = new Date().toISOString().slice(0, 10);

/**
 * The day a record file last changed in the repository (YYYY-MM-DD), from the same history as its
 * list of changes; undefined when the history does not reach it. This is not a review: see the
 * record's `reviewed`.
 */
export function lastChanged(collection: CollectionName, id: string): string | undefined {
  return getRecordChanges(collection, id)[0]?.date.slice(0, 10);
}

/** The data version (a fingerprint of all records), computed once per build (dataVersion keeps it). */
export async function getDataVersion(): Promise<string> {
  return dataVersion(await registry());
}

/** The whole resolved registry, for exports and feeds. */
export function getRegistryModel(): Promise<RegistryModel> {
  return registry();
}

/** All deployment records, sorted by id: concrete deployments, practices and offers. */
export async function getDeployments(): Promise<DeploymentEntry[]> {
  return (await registry()).deployments;
}

/** The concrete deployments (a named body using a system): what tables and figures count. */
export async function getConcreteDeployments(): Promise<DeploymentEntry[]> {
  return (await getDeployments()).filter(isConcrete);
}

/** Practices (no named body) and offers (no known user), listed apart from the deployments. */
export async function getRecordsApart(): Promise<DeploymentEntry[]> {
  return (await getDeployments()).filter((deployment) => !isConcrete(deployment));
}

let idsOfDeployments: Promise<Set<string>> | undefined;

/** The ids of all deployments, worked out once per build (a product page asks whether its id is one). */
export function getDeploymentIds(): Promise<Set<string>> {
  idsOfDeployments ??= getDeployments().then((deployments) => new Set(deployments.map((d) => d.id)));
  return idsOfDeployments;
}

/** All products, sorted by name. */
export async function getProducts(): Promise<ProductEntry[]> {
  return (await registry()).products;
}

/** All positions, newest first. */
export async function getPositions(): Promise<PositionEntry[]> {
  return (await registry()).positions;
}

/** The positions issued in one country (an ISO code, as `issuer.country` has it), newest first; grouped once per build. */
export async function getPositionsOfCountry(country: string): Promise<PositionEntry[]> {
  positionsByCountry ??= getPositions().then((positions) => Map.groupBy(positions, (p) => p.issuer.country ?? ""));
  return (await positionsByCountry).get(country) ?? [];
}
let positionsByCountry: Promise<Map<string, PositionEntry[]>> | undefined;

type RelatedIndex = {
  byProduct: Map<string, DeploymentEntry[]>;
  byFederationGroup: Map<string, DeploymentEntry[]>;
  byJurisdiction: Map<string, DeploymentEntry[]>;
  byAuthority: Map<string, DeploymentEntry[]>;
  byId: Map<string, DeploymentEntry>;
};
let relatedIndex: Promise<RelatedIndex> | undefined;

/** The deployments grouped by product, federation group, jurisdiction and authority name, built once per build. */
function related(): Promise<RelatedIndex> {
  relatedIndex ??= getDeployments().then((deployments) => {
    const group = (keys: (d: DeploymentEntry) => string[]) => {
      const map = new Map<string, DeploymentEntry[]>();
      for (const d of deployments) {
        for (const key of new Set(keys(d))) {
          const members = map.get(key) ?? [];
          members.push(d);
          map.set(key, members);
        }
      }
      return map;
    };
    return {
      byProduct: group((d) => (d.productEntry ? [d.productEntry.id] : [])),
      byFederationGroup: group((d) => (d.federationGroup ? [d.federationGroup] : [])),
      byJurisdiction: group((d) => [d.jurisdiction]),
      byAuthority: group((d) => d.authorities.map((a) => JSON.stringify(a.name))),
      byId: new Map(deployments.map((d) => [d.id, d])),
    };
  });
  return relatedIndex;
}

/** Deployments related to one entry: succession in full; the closest few by federation group, product, authority and country. */
export function relatedDeployments(entry: DeploymentEntry) {
  // Both languages' entry pages ask; the answer does not depend on the language.
  let found = relatedOf.get(entry.id);
  if (!found) relatedOf.set(entry.id, (found = findRelated(entry)));
  return found;
}
const relatedOf = new Map<string, ReturnType<typeof findRelated>>();

async function findRelated(entry: DeploymentEntry) {
  const index = await related();
  const lookUp = (ids: string[]) => ids.flatMap((id) => index.byId.get(id) ?? []);
  const successors = entry.status.flatMap((step) => (step.supersededBy ? [step.supersededBy] : []));
  const sameAuthority = [
    ...new Set(entry.authorities.flatMap((a) => index.byAuthority.get(JSON.stringify(a.name)) ?? [])),
  ];
  return {
    supersededBy: lookUp(successors),
    supersedes: lookUp(entry.supersedes),
    sameFederationGroup: mostRelated(
      entry,
      entry.federationGroup ? index.byFederationGroup.get(entry.federationGroup) : [],
    ),
    sameProduct: mostRelated(entry, entry.productEntry ? index.byProduct.get(entry.productEntry.id) : []),
    sameAuthority: mostRelated(entry, sameAuthority),
    sameJurisdiction: mostRelated(entry, index.byJurisdiction.get(entry.jurisdiction)),
  };
}

/** Level order used when grouping: international first, single institutions last. */
export const levelOrder = ["international", "national", "state", "local", "institution", "unknown"] as const;

/**
 * Deployments grouped by country (or organisation), then by level, for the overview; each group's
 * practices and offers come apart, and count in no figure. Worked out once per build.
 */
export function deploymentsByJurisdiction() {
  byJurisdiction ??= groupByJurisdiction();
  return byJurisdiction;
}
let byJurisdiction: ReturnType<typeof groupByJurisdiction> | undefined;

async function groupByJurisdiction() {
  const groups = new Map<string, DeploymentEntry[]>();
  for (const deployment of await getDeployments()) {
    const members = groups.get(deployment.jurisdiction) ?? [];
    members.push(deployment);
    groups.set(deployment.jurisdiction, members);
  }
  return [...groups.entries()]
    .map(([jurisdiction, records]) => {
      const deployments = records.filter(isConcrete);
      return {
        jurisdiction,
        /** The country's or organisation's name in each language (its records may all be practices or offers). */
        name: records[0]!.jurisdictionName,
        isOrganisation: records[0]!.country === undefined,
        levels: levelOrder
          .map((level) => ({ level, deployments: deployments.filter((d) => d.level === level) }))
          .filter((group) => group.deployments.length > 0),
        apart: records.filter((d) => !isConcrete(d)),
        count: deployments.length,
      };
    })
    .sort((a, b) => b.count - a.count || a.jurisdiction.localeCompare(b.jurisdiction));
}

/** Deployments that use a product. */
export async function deploymentsOfProduct(productId: string): Promise<DeploymentEntry[]> {
  return productDeployments(await registry(), productId);
}

/** Headline figures for the home page, computed from the records. */
export async function headlineFigures() {
  const deployments = await getConcreteDeployments();
  const protocolOf = (d: DeploymentEntry) => headlineValue(d.facts.protocol);
  const federationOf = (d: DeploymentEntry) => headlineValue(d.facts.federation);
  const presumedClosedBy = (who: "article" | "editors") =>
    deployments.filter((d) => federationOf(d) === "presumed-disabled" && presumers(d.facts.federation).includes(who))
      .length;
  return {
    deployments: deployments.length,
    jurisdictions: new Set(deployments.map((d) => d.jurisdiction)).size,
    openProtocol: deployments.filter((d) => ["xmpp", "matrix"].includes(protocolOf(d))).length,
    federating: deployments.filter((d) => ["enabled-open", "enabled-allowlist"].includes(federationOf(d))).length,
    presumedClosed: deployments.filter((d) => federationOf(d) === "presumed-disabled").length,
    presumedClosedByArticle: presumedClosedBy("article"),
    presumedClosedByEditors: presumedClosedBy("editors"),
    apart: (await getRecordsApart()).length,
  };
}

/** The most recently reviewed deployments: only those an editor has checked against their sources. */
export async function recentlyReviewed(count: number): Promise<DeploymentEntry[]> {
  return (await getDeployments())
    .filter((deployment): deployment is DeploymentEntry & { reviewed: string } => deployment.reviewed !== undefined)
    .sort((a, b) => b.reviewed.localeCompare(a.reviewed) || a.id.localeCompare(b.id))
    .slice(0, count);
}

export type { Claim, ClaimSummary };
