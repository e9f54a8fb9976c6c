/**
 * The one place that asks Astro for data. Loads the collections, resolves references and
 * derives what pages show (current status, free software, disputes). Pages import from here.
 */
import { getCollection } from "astro:content";
import type { Claim, Deployment, Position, Product } from "../schema/index.ts";
import { currentStatus, freeSoftware, summarizeClaims, type ClaimSummary, type FreeSoftware } from "./derive.ts";
import type { z } from "zod";
import type * as v from "../schema/vocabulary.ts";

type Out<T extends z.ZodType> = z.output<T>;

/** A product with its id and derived fields. */
export type ProductEntry = Product & {
  id: string;
  protocolSummary: ClaimSummary<Out<typeof v.protocol>>;
  architectureSummary: ClaimSummary<Out<typeof v.architecture>>;
  clientLicenceSummary: ClaimSummary<Out<typeof v.licence>>;
  serverLicenceSummary: ClaimSummary<Out<typeof v.licence>>;
  freeSoftware: FreeSoftware;
  basedOnProduct?: ProductEntry;
};

/** A deployment with its id, its resolved product and every derived field a page shows. */
export type DeploymentEntry = Deployment & {
  id: string;
  productEntry: ProductEntry;
  currentStatus: Out<typeof v.lifecycleStatus>;
  federationSummary: ClaimSummary<Out<typeof v.federationStatus>>;
  topologySummary: ClaimSummary<Out<typeof v.topology>>;
  interoperabilitySummary: ClaimSummary<Out<typeof v.interoperability>>;
  reachSummary: ClaimSummary<Out<typeof v.externalReach>>;
  /** The first authority's name, used as the entry's title. */
  title: Deployment["authorities"][number]["name"];
  /** Newest date in the status history, if any. */
  latestStatusDate?: string;
  /** Country code or organisation name: what the overview groups by. */
  jurisdiction: string;
  /** Ids of deployments this one superseded (the reverse of `supersededBy`). */
  supersedes: string[];
};

/** A position with its id. */
export type PositionEntry = Position & { id: string };

let cache: Promise<{ deployments: DeploymentEntry[]; products: ProductEntry[]; positions: PositionEntry[] }> | undefined;

async function load() {
  const [deploymentRecords, productRecords, positionRecords] = await Promise.all([
    getCollection("deployments"),
    getCollection("products"),
    getCollection("positions"),
  ]);
  const products = new Map<string, ProductEntry>();
  for (const { id, data } of productRecords) {
    products.set(id, {
      ...data,
      id,
      protocolSummary: summarizeClaims(data.protocol, "unknown"),
      architectureSummary: summarizeClaims(data.architecture, "unknown"),
      clientLicenceSummary: summarizeClaims(data.licences.client, "unknown"),
      serverLicenceSummary: summarizeClaims(data.licences.server, "unknown"),
      freeSoftware: freeSoftware(data.licences.client, data.licences.server),
    });
  }
  for (const product of products.values()) {
    if (product.basedOn) product.basedOnProduct = products.get(product.basedOn);
  }
  const deployments = deploymentRecords.map(({ id, data }): DeploymentEntry => {
    const productEntry = products.get(data.product);
    if (!productEntry) throw new Error(`deployment ${id}: product ${data.product} not found`);
    return {
      ...data,
      id,
      productEntry,
      currentStatus: currentStatus(data.status),
      federationSummary: summarizeClaims(data.federation, "unknown"),
      topologySummary: summarizeClaims(data.topology, "unknown"),
      interoperabilitySummary: summarizeClaims(data.interoperability, "unknown"),
      reachSummary: summarizeClaims(data.reach, "unknown"),
      title: data.authorities[0]!.name,
      latestStatusDate: data.status.map((step) => step.date).filter((date) => date !== undefined).at(-1),
      jurisdiction: data.country ?? data.organisation!,
      supersedes: [],
    };
  });
  const byId = new Map(deployments.map((deployment) => [deployment.id, deployment]));
  for (const deployment of deployments) {
    for (const step of deployment.status) {
      if (step.supersededBy) byId.get(step.supersededBy)?.supersedes.push(deployment.id);
    }
  }
  deployments.sort((a, b) => a.id.localeCompare(b.id));
  const positions = positionRecords.map(({ id, data }) => ({ ...data, id }));
  positions.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id));
  return { deployments, products: [...products.values()].sort((a, b) => a.name.localeCompare(b.name)), positions };
}

function registry() {
  cache ??= load();
  return cache;
}

/** All deployments, sorted by id. */
export async function getDeployments(): Promise<DeploymentEntry[]> {
  return (await registry()).deployments;
}

/** All products, sorted by name. */
export async function getProducts(): Promise<ProductEntry[]> {
  return (await registry()).products;
}

/** All positions, newest first. */
export async function getPositions(): Promise<PositionEntry[]> {
  return (await registry()).positions;
}

/** One deployment by id, or by a former id kept as an alias. */
export async function getDeployment(id: string): Promise<DeploymentEntry | undefined> {
  const deployments = await getDeployments();
  return deployments.find((d) => d.id === id) ?? deployments.find((d) => d.aliases.includes(id));
}

/** Deployments related to one entry: same product, same authority, same country, and succession. */
export async function relatedDeployments(entry: DeploymentEntry) {
  const others = (await getDeployments()).filter((d) => d.id !== entry.id);
  const authorityNames = new Set(entry.authorities.map((a) => JSON.stringify(a.name)));
  const successors = entry.status.flatMap((step) => (step.supersededBy ? [step.supersededBy] : []));
  return {
    supersededBy: others.filter((d) => successors.includes(d.id)),
    supersedes: others.filter((d) => entry.supersedes.includes(d.id)),
    sameProduct: others.filter((d) => d.product === entry.product),
    sameAuthority: others.filter((d) => d.authorities.some((a) => authorityNames.has(JSON.stringify(a.name)))),
    sameJurisdiction: others.filter((d) => d.jurisdiction === entry.jurisdiction),
  };
}

/** Level order used when grouping: international first, single institutions last. */
export const levelOrder = ["international", "national", "state", "local", "institution"] as const;

/** Deployments grouped by country (or organisation), then by level, for the overview. */
export async function deploymentsByJurisdiction() {
  const groups = new Map<string, DeploymentEntry[]>();
  for (const deployment of await getDeployments()) {
    groups.set(deployment.jurisdiction, [...(groups.get(deployment.jurisdiction) ?? []), deployment]);
  }
  return [...groups.entries()]
    .sort(([a, da], [b, db]) => db.length - da.length || a.localeCompare(b))
    .map(([jurisdiction, deployments]) => ({
      jurisdiction,
      isOrganisation: deployments[0]!.country === undefined,
      levels: levelOrder
        .map((level) => ({ level, deployments: deployments.filter((d) => d.level === level) }))
        .filter((group) => group.deployments.length > 0),
      count: deployments.length,
    }));
}

/** Deployments that use a product. */
export async function deploymentsOfProduct(productId: string): Promise<DeploymentEntry[]> {
  return (await getDeployments()).filter((d) => d.product === productId);
}

/** Headline figures for the home page, computed from the records. */
export async function headlineFigures() {
  const deployments = await getDeployments();
  const protocolOf = (d: DeploymentEntry) => (d.productEntry.protocolSummary.kind === "agreed" ? d.productEntry.protocolSummary.value : "disputed");
  const federationOf = (d: DeploymentEntry) => (d.federationSummary.kind === "agreed" ? d.federationSummary.value : "disputed");
  return {
    deployments: deployments.length,
    jurisdictions: new Set(deployments.map((d) => d.jurisdiction)).size,
    openProtocol: deployments.filter((d) => ["xmpp", "matrix"].includes(protocolOf(d))).length,
    federating: deployments.filter((d) => ["enabled-open", "enabled-allowlist"].includes(federationOf(d))).length,
    presumedClosed: deployments.filter((d) => federationOf(d) === "presumed-disabled").length,
  };
}

/** The most recently reviewed deployments. */
export async function recentlyReviewed(count: number): Promise<DeploymentEntry[]> {
  return [...(await getDeployments())].sort((a, b) => b.reviewed.localeCompare(a.reviewed) || a.id.localeCompare(b.id)).slice(0, count);
}

export type { Claim, ClaimSummary };
