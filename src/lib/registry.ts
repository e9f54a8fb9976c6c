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
    };
  });
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

export type { Claim, ClaimSummary };
