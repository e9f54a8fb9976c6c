/**
 * The registry as pages, exports and social cards see it: records with their references
 * resolved and derived fields added. Pure: it takes parsed records, wherever they came from
 * (Astro's content collections on the site, the validator in scripts and build hooks).
 */
import type { Deployment, Position, Product } from "../../schema/index.ts";
import { currentStatus, summarizeClaims, type ClaimSummary } from "./derive.ts";
import {
  summarizeDeploymentFacts,
  summarizeProductFacts,
  summarizeUnnamedProductFacts,
  type KeyFactKey,
  type ProductFactKey,
} from "./key-facts.ts";
import { localize, languages, t, type Lang } from "../../i18n/index.ts";
import type { z } from "zod";
import type * as v from "../../schema/vocabulary.ts";

type Out<T extends z.ZodType> = z.output<T>;

/** A product with its id and derived fields. */
export type ProductEntry = Product & {
  id: string;
  /** The record exactly as parsed from its file, without derived fields. */
  record: Product;
  /** What the sources say about each key fact of the product (see key-facts.ts). */
  facts: Record<ProductFactKey, ClaimSummary<string>>;
  /** Who makes it and where the vendor is based, as its sources say. */
  vendorFacts: { vendor: ClaimSummary<string>; vendorCountry: ClaimSummary<string> };
  basedOnProduct?: ProductEntry;
};

/** A deployment with its id, its resolved product and every derived field a page shows. */
export type DeploymentEntry = Deployment & {
  id: string;
  /** The record exactly as parsed from its file, without derived fields. */
  record: Deployment;
  /** The product it runs; undefined where no source names the software. */
  productEntry?: ProductEntry;
  currentStatus: Out<typeof v.lifecycleStatus>;
  /** Every key fact a reader sees for the deployment: its product's and its own (see key-facts.ts). */
  facts: Record<KeyFactKey, ClaimSummary<string>>;
  /** Approvals by classification (e.g. VS-NfD), disputed where sources give different statuses. */
  approvalSummaries: { classification: string; summary: ClaimSummary<Out<typeof v.approvalStatus>> }[];
  /** The first authority's name, used as the entry's title. */
  title: Deployment["authorities"][number]["name"];
  /** The system's own name, else its product's, else "product not named", in each language. */
  systemName: Record<Lang, string>;
  /** The heading of the entry in each language: the authority and the system's (or product's) name. */
  displayName: Record<Lang, string>;
  /** The country's or organisation's name in each language. */
  jurisdictionName: Record<Lang, string>;
  /** The current step of the status history (its last), with its date, sources and confidence. */
  currentStep: Deployment["status"][number];
  /** Country code or organisation name: what the overview groups by. */
  jurisdiction: string;
  /** Ids of deployments this one superseded (the reverse of `supersededBy`). */
  supersedes: string[];
};

/** One value per language. */
function byLanguage(text: (lang: Lang) => string): Record<Lang, string> {
  return Object.fromEntries(languages.map((lang) => [lang, text(lang)])) as Record<Lang, string>;
}

/** The name of a country (by its code) or of an international organisation, in one language. */
export function jurisdictionName(jurisdiction: string, lang: Lang): string {
  const organisations: Record<string, string> = t(lang).label.organisation;
  return organisations[jurisdiction] ?? t(lang).jurisdiction(jurisdiction);
}

/** A position with its id. */
export type PositionEntry = Position & { id: string; record: Position };

/** The whole registry, resolved. */
export type RegistryModel = { deployments: DeploymentEntry[]; products: ProductEntry[]; positions: PositionEntry[] };

/** Parsed records of one collection, each with its id. */
type Records<T> = { id: string; data: T }[];

/** Resolves references and derives the fields pages show, from parsed records. */
export function buildRegistry(
  deploymentRecords: Records<Deployment>,
  productRecords: Records<Product>,
  positionRecords: Records<Position>,
): RegistryModel {
  const products = new Map<string, ProductEntry>();
  for (const { id, data } of productRecords) {
    products.set(id, {
      ...data,
      id,
      record: data,
      facts: summarizeProductFacts(data),
      vendorFacts: {
        vendor: summarizeClaims(data.vendor, ""),
        vendorCountry: summarizeClaims(data.vendorCountry, ""),
      },
    });
  }
  for (const product of products.values()) {
    if (product.basedOn) product.basedOnProduct = products.get(product.basedOn);
  }
  const deployments = deploymentRecords.map(({ id, data }): DeploymentEntry => {
    const productEntry = data.product && products.get(data.product.value);
    if (data.product && !productEntry) throw new Error(`deployment ${id}: product ${data.product.value} not found`);
    return {
      ...data,
      id,
      record: data,
      productEntry,
      currentStatus: currentStatus(data.status),
      facts: {
        ...(productEntry ? productEntry.facts : summarizeUnnamedProductFacts(data)),
        ...summarizeDeploymentFacts(data),
      },
      approvalSummaries: [...new Set(data.approvals.map((approval) => approval.classification))].map(
        (classification) => ({
          classification,
          summary: summarizeClaims(
            data.approvals
              .filter((approval) => approval.classification === classification)
              .map(({ status, sources, confidence, asOf, note }) => ({
                value: status,
                sources,
                confidence,
                asOf,
                note,
              })),
            "unknown",
          ),
        }),
      ),
      title: data.authorities[0]!.name,
      systemName: byLanguage((lang) => data.name ?? productEntry?.name ?? t(lang).entry.productNotNamed),
      displayName: byLanguage(
        (lang) =>
          `${localize(data.authorities[0]!.name, lang).text}: ${data.name ?? productEntry?.name ?? t(lang).entry.productNotNamed}`,
      ),
      jurisdictionName: byLanguage((lang) => jurisdictionName(data.country ?? data.organisation!, lang)),
      currentStep: data.status.at(-1)!,
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
  const positions = positionRecords.map(({ id, data }) => ({ ...data, id, record: data }));
  positions.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id));
  return { deployments, products: [...products.values()].sort((a, b) => a.name.localeCompare(b.name)), positions };
}
