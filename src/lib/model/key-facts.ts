/**
 * The key-fact table: one row per key fact of deployments and products. The model, the entry
 * pages, the product facts, the comparison table and its filters, the coverage page, the exports
 * and the social cards all read these rows, so a new key fact is one row here plus the labels
 * the type checker then asks for.
 */
import type { z } from "zod";
import type { Claim, Deployment, Product } from "../../schema/index.ts";
import * as v from "../../schema/vocabulary.ts";
import type { Dictionary } from "../../i18n/index.ts";
import { freeSoftware, summarizeClaims, type ClaimSummary } from "./derive.ts";

/** A key in a dictionary's `label` section: the labels of one vocabulary. */
export type LabelKey = keyof Dictionary["label"];
/** A key in a dictionary's `field` section: the name of one field. */
export type FieldKey = keyof Dictionary["field"];

/** What every row says about its fact. */
type FactRow<Key extends string, R> = {
  /** The field as written in the record file, e.g. `licences.client`; also its anchor and correction key. */
  key: Key;
  /** The field's name in each dictionary's `field` section. */
  name: FieldKey;
  /** Which dictionary `label` section names the fact's values. */
  labels: LabelKey;
  /** The vocabulary the values come from. */
  vocabulary: z.ZodEnum;
  /** Headline facts are table columns and filters, card tags and CSV/JSON headline values. */
  headline: boolean;
  /** Column name in the CSV export. */
  csv: string;
  /** The comparison table's URL parameter for filtering and sorting by the fact, if not its key. */
  urlParam?: string;
  /** A value shown emphasised wherever the fact appears (free software). */
  highlight?: string;
  /** Which collection's records state the fact. */
  collection: "products" | "deployments";
  /** Plain (unsourced) fields of the record shown right after the fact, e.g. the federation group. */
  details?: readonly { name: FieldKey; csv: string; text: (record: R) => string | undefined }[];
  /** The claims the record makes about the fact; a derived fact has none of its own. */
  claims?: (record: R) => Claim<string>[] | undefined;
};

/** A fact whose value the record states as claims. */
type StatedFact<Key extends string, R> = FactRow<Key, R> & {
  claims: (record: R) => Claim<string>[] | undefined;
  /** For a product fact: what a deployment that names no product says about it itself (e.g. the protocol). */
  withoutProduct?: (deployment: Pick<Deployment, "protocol">) => Claim<string>[] | undefined;
};

/** The SPDX expressions the current claims about a licence name, joined by " / "; undefined if none. */
function licenceNames(claims: Claim<string>[]): string | undefined {
  const names = [...new Set(summarizeClaims(claims, "unknown").claims.flatMap((claim) => claim.spdx ?? []))];
  return names.length > 0 ? names.join(" / ") : undefined;
}

/**
 * A fact the registry derives from other facts of the same record, e.g. free software from the
 * client and server licences. Its summary carries the claims it was derived from.
 */
type DerivedFact<Key extends string, Stated extends string> = FactRow<Key, never> & {
  derive: (facts: Record<Stated, ClaimSummary<string>>) => ClaimSummary<string>;
  /** What the value is derived from, as a key of the text in each dictionary's `productPage` section. */
  derivedNote: keyof Dictionary["productPage"];
};

const productStated = [
  {
    key: "protocol",
    collection: "products",
    name: "protocol",
    labels: "protocol",
    vocabulary: v.protocol,
    headline: true,
    csv: "protocol",
    claims: (p) => p.protocol,
    withoutProduct: (d) => d.protocol,
    details: [{ name: "protocolName", csv: "protocol_name", text: (p) => p.protocolName }],
  },
  {
    key: "licences.client",
    collection: "products",
    name: "licenceClient",
    labels: "licence",
    vocabulary: v.licence,
    headline: false,
    csv: "licence_client",
    claims: (p) => p.licences.client,
    details: [{ name: "spdx", csv: "licence_client_spdx", text: (p) => licenceNames(p.licences.client) }],
  },
  {
    key: "licences.server",
    collection: "products",
    name: "licenceServer",
    labels: "licence",
    vocabulary: v.licence,
    headline: false,
    csv: "licence_server",
    claims: (p) => p.licences.server,
    details: [{ name: "spdx", csv: "licence_server_spdx", text: (p) => licenceNames(p.licences.server) }],
  },
  {
    key: "architecture",
    collection: "products",
    name: "architecture",
    labels: "architecture",
    vocabulary: v.architecture,
    headline: true,
    csv: "architecture",
    claims: (p) => p.architecture,
  },
  {
    key: "federationCapability",
    collection: "products",
    name: "federationCapability",
    labels: "federationCapability",
    vocabulary: v.federationCapability,
    headline: false,
    csv: "federation_capability",
    claims: (p) => p.federationCapability,
  },
  {
    key: "selfHosting",
    collection: "products",
    name: "selfHosting",
    labels: "selfHosting",
    vocabulary: v.selfHosting,
    headline: false,
    csv: "self_hosting",
    claims: (p) => p.selfHosting,
  },
  {
    key: "endToEndEncryption",
    collection: "products",
    name: "endToEndEncryption",
    labels: "endToEndEncryption",
    vocabulary: v.endToEndEncryption,
    headline: false,
    csv: "end_to_end_encryption",
    claims: (p) => p.endToEndEncryption,
  },
] as const satisfies readonly StatedFact<string, Product>[];

/** A product fact stated in product records. */
export type ProductStatedKey = (typeof productStated)[number]["key"];

const productDerived = [
  {
    key: "freeSoftware",
    collection: "products",
    name: "freeSoftware",
    labels: "freeSoftware",
    vocabulary: v.freeSoftware,
    headline: true,
    csv: "free_software",
    urlParam: "free",
    highlight: "free",
    derivedNote: "freeSoftwareDerived",
    derive: (facts) => freeSoftware(facts["licences.client"], facts["licences.server"]),
  },
] as const satisfies readonly DerivedFact<string, ProductStatedKey>[];

/** The product's key facts in the order pages show them: stated ones, then derived ones after the facts they come from. */
export const productFacts = [
  productStated[0],
  productStated[1],
  productStated[2],
  productDerived[0],
  productStated[3],
  productStated[4],
  productStated[5],
  productStated[6],
] as const;

/** Key of a product fact. */
export type ProductFactKey = (typeof productFacts)[number]["key"];

/** The deployment's own key facts, in the order its entry page shows them (after the product's). */
export const deploymentFacts = [
  {
    key: "topology",
    collection: "deployments",
    name: "topology",
    labels: "topology",
    vocabulary: v.topology,
    headline: false,
    csv: "topology",
    claims: (d) => d.topology,
  },
  {
    key: "federation",
    collection: "deployments",
    name: "federation",
    labels: "federationStatus",
    vocabulary: v.federationStatus,
    headline: true,
    csv: "federation",
    claims: (d) => d.federation,
    details: [{ name: "federationGroup", csv: "federation_group", text: (d) => d.federationGroup }],
  },
  {
    key: "interoperability",
    collection: "deployments",
    name: "interoperability",
    labels: "interoperability",
    vocabulary: v.interoperability,
    headline: false,
    csv: "interoperability",
    claims: (d) => d.interoperability,
    details: [{ name: "bridgesTo", csv: "bridges_to", text: (d) => d.bridgesTo?.join(", ") }],
  },
  {
    key: "reach",
    collection: "deployments",
    name: "reach",
    labels: "externalReach",
    vocabulary: v.externalReach,
    headline: true,
    csv: "reach",
    claims: (d) => d.reach,
  },
] as const satisfies readonly StatedFact<string, Deployment>[];

/** Key of a deployment's own fact. */
export type DeploymentFactKey = (typeof deploymentFacts)[number]["key"];

/** Any key fact row. */
export type KeyFactRow = (typeof productFacts)[number] | (typeof deploymentFacts)[number];
/** Key of any key fact. */
export type KeyFactKey = KeyFactRow["key"];

/** Every fact a deployment shows: its product's, then its own. */
export const allDeploymentFacts: readonly KeyFactRow[] = [...productFacts, ...deploymentFacts];

/**
 * The record a row's details are read from, for a deployment: its own or its product's; none for
 * a product fact of a deployment that names no product.
 */
export function recordOf(
  row: KeyFactRow,
  deployment: { record: Deployment; productEntry?: { record: Product } },
): Deployment | Product | undefined {
  return row.collection === "products" ? deployment.productEntry?.record : deployment.record;
}

/** The plain fields shown after a fact, with their text, leaving out those the record does not have. */
export function factDetails(
  row: KeyFactRow,
  record: Deployment | Product | undefined,
): { name: FieldKey; csv: string; text: string }[] {
  if (record === undefined) return [];
  const details = ("details" in row ? row.details : []) as readonly {
    name: FieldKey;
    csv: string;
    text: (record: Deployment | Product) => string | undefined;
  }[];
  return details.flatMap((detail) => {
    const text = detail.text(record);
    return text === undefined ? [] : [{ name: detail.name, csv: detail.csv, text }];
  });
}

/** The comparison table's URL parameter for a fact. */
export function factParam(row: KeyFactRow): string {
  return ("urlParam" in row ? row.urlParam : undefined) ?? row.key;
}

/** Whether a row's value is derived from other facts rather than stated. */
export function isDerived(row: KeyFactRow): row is (typeof productDerived)[number] {
  return "derive" in row;
}

/** The product's facts, summarized: what its claims amount to, derived facts included. */
export function summarizeProductFacts(product: Product): Record<ProductFactKey, ClaimSummary<string>> {
  return summarizeStatedProductFacts((row) => row.claims(product));
}

/** The product facts of a deployment that names no product: only what it says itself (e.g. the protocol). */
export function summarizeUnnamedProductFacts(deployment: Deployment): Record<ProductFactKey, ClaimSummary<string>> {
  return summarizeStatedProductFacts((row) => ("withoutProduct" in row ? row.withoutProduct(deployment) : undefined));
}

function summarizeStatedProductFacts(
  claimsOf: (row: (typeof productStated)[number]) => Claim<string>[] | undefined,
): Record<ProductFactKey, ClaimSummary<string>> {
  const stated = Object.fromEntries(
    productStated.map((row) => [row.key, summarizeClaims(claimsOf(row), "unknown")]),
  ) as Record<ProductStatedKey, ClaimSummary<string>>;
  const derived = Object.fromEntries(productDerived.map((row) => [row.key, row.derive(stated)]));
  return { ...stated, ...derived } as Record<ProductFactKey, ClaimSummary<string>>;
}

/** The deployment's own facts, summarized. */
export function summarizeDeploymentFacts(deployment: Deployment): Record<DeploymentFactKey, ClaimSummary<string>> {
  return Object.fromEntries(
    deploymentFacts.map((row) => [row.key, summarizeClaims(row.claims(deployment), "unknown")]),
  ) as Record<DeploymentFactKey, ClaimSummary<string>>;
}

/** The row of a key fact, by its key; undefined for a field that is not a key fact. */
export function keyFactRow(key: string): KeyFactRow | undefined {
  return allDeploymentFacts.find((row) => row.key === key);
}

/** The paths of a record's claim fields, e.g. `federation` or `licences.client`. */
type ClaimPaths<R> = {
  [K in keyof R & string]-?: NonNullable<R[K]> extends readonly Claim<unknown>[]
    ? K
    : NonNullable<R[K]> extends readonly unknown[]
      ? never
      : NonNullable<R[K]> extends object
        ? `${K}.${ClaimPaths<NonNullable<R[K]>>}`
        : never;
}[keyof R & string];

/**
 * The product's claims about its vendor rather than its software: shown beside the product's
 * name with their sources (VendorFacts.astro), not as key facts of its deployments.
 */
export const vendorClaimFields = ["vendor", "vendorCountry"] as const;

/** Product facts a deployment that names no product states itself, under the same field name (`protocol`). */
type StatedWithoutProduct = Extract<(typeof productStated)[number], { withoutProduct: unknown }>["key"];

/**
 * Every claim field of the schemas has its row above: a claim field without one fails the type
 * check here, naming the field ("Type 'true' is not assignable to type '"hosting"'").
 */
type MissingRows =
  | Exclude<ClaimPaths<Deployment>, DeploymentFactKey | StatedWithoutProduct>
  | Exclude<ClaimPaths<Product>, ProductStatedKey | (typeof vendorClaimFields)[number]>;
export const everyClaimFieldHasARow: [MissingRows] extends [never] ? true : MissingRows = true;
