/**
 * What the registry covers and where it knows little, counted from the records themselves.
 * Pure: it takes the arrays `registry.ts` hands out (or records written inline in a test).
 */
import type { z } from "zod";
import type { Claim, Deployment, Position, Product } from "../../schema/index.ts";
import { level, protocol, sector } from "../../schema/vocabulary.ts";
import { headlineValue, isConcrete, isPresumption, summarizeClaims, type ClaimSummary } from "./derive.ts";
import {
  deploymentFacts,
  isDerived,
  productFacts,
  type DeploymentFactKey,
  type KeyFactRow,
  type ProductStatedKey,
} from "./key-facts.ts";

type Level = z.output<typeof level>;
type Protocol = z.output<typeof protocol>;
type Sector = z.output<typeof sector>;
type LocalizedText = string | { de?: string; en?: string };

/** The parts of a product that coverage looks at. */
export type ProductRecord = { id: string } & Pick<
  Product,
  "name" | "protocol" | "architecture" | "licences" | "openQuestions" | "sources"
> &
  Partial<Pick<Product, "selfHosting" | "federationCapability" | "endToEndEncryption">>;

/** The parts of a deployment that coverage looks at. */
export type DeploymentRecord = { id: string } & Pick<
  Deployment,
  | "name"
  | "country"
  | "organisation"
  | "kind"
  | "level"
  | "sectors"
  | "authorities"
  | "product"
  | "protocol"
  | "topology"
  | "federation"
  | "interoperability"
  | "reach"
  | "approvals"
  | "openQuestions"
  | "sources"
>;

/** The parts of a position that coverage looks at. */
export type PositionRecord = { id: string } & Pick<Position, "title" | "openQuestions" | "sources">;

/** A record a finding is about: enough to name it and link to it. */
export type RecordRef = {
  collection: "deployments" | "products" | "positions";
  id: string;
  title: LocalizedText;
  /** What tells two records with the same title apart, e.g. the deployment's system or product name. */
  subtitle?: string;
};

/** A key comparison field that holds claims, named as in the record files (see key-facts.ts). */
export type ClaimField = DeploymentFactKey | ProductStatedKey | "approvals";

/** How well a deployment's value for one key fact is backed. */
export type Backing = "sourced" | "unattributed" | "presumed" | "disputed" | "none";

/** How many records fall under one key. */
export type Tally<K> = { key: K; count: number };

/** One protocol (or "disputed") with the products that speak it and how many deployments use them. */
export type ProtocolRow<P> = { protocol: Protocol | "disputed"; products: P[]; deployments: number };

/**
 * Products and deployments per protocol, in vocabulary order. A product counts under the protocol
 * its sources agree on; products whose sources disagree form a last "disputed" row, present only
 * when there are any. A deployment counts under its product's protocol, or, where it names no
 * product, under the protocol it states itself.
 */
export function protocolTally<P extends Pick<ProductRecord, "id" | "protocol">>(
  products: P[],
  deployments: Pick<DeploymentRecord, "product" | "protocol">[],
): ProtocolRow<P>[] {
  const protocolOf = new Map(products.map((p) => [p.id, headlineValue(summarizeClaims(p.protocol, "unknown"))]));
  const deploymentProtocol = (d: Pick<DeploymentRecord, "product" | "protocol">) =>
    d.product ? protocolOf.get(d.product.value) : headlineValue(summarizeClaims(d.protocol, "unknown"));
  const rows = [...protocol.options, "disputed" as const].map((key) => ({
    protocol: key,
    products: products.filter((p) => protocolOf.get(p.id) === key),
    deployments: deployments.filter((d) => deploymentProtocol(d) === key).length,
  }));
  return rows.filter((row) => row.protocol !== "disputed" || row.products.length > 0 || row.deployments > 0);
}

/** One record as coverage examines it: how to name it, and what it leaves open. */
type Examined = {
  ref: RecordRef;
  openQuestions: number;
  sources: { url?: string }[];
  claims: [ClaimField, Claim<string>[] | undefined][];
};

/** Everything the coverage page shows, computed from all records. */
export function coverage(records: {
  deployments: DeploymentRecord[];
  products: ProductRecord[];
  positions: PositionRecord[];
}) {
  const { products, positions } = records;
  // Figures count concrete deployments; practices and offers are listed apart.
  const deployments = records.deployments.filter(isConcrete);
  const apart = records.deployments.filter((d) => !isConcrete(d));
  const productName = new Map(products.map((p) => [p.id, p.name]));
  const refOf = (d: DeploymentRecord) =>
    ({
      collection: "deployments",
      id: d.id,
      title: d.authorities[0]!.name,
      subtitle: d.name ?? (d.product && productName.get(d.product.value)),
    }) as const;
  const examined: Examined[] = [
    ...records.deployments.map((d) => ({
      ref: refOf(d),
      openQuestions: d.openQuestions.length,
      sources: d.sources,
      claims: deploymentClaims(d),
    })),
    ...products.map((p) => ({
      ref: { collection: "products", id: p.id, title: p.name } as const,
      openQuestions: p.openQuestions.length,
      sources: p.sources,
      claims: productClaims(p),
    })),
    ...positions.map((p) => ({
      ref: { collection: "positions", id: p.id, title: p.title } as const,
      openQuestions: p.openQuestions.length,
      sources: p.sources,
      claims: [],
    })),
  ];
  const productById = new Map(products.map((p) => [p.id, p]));
  const statedRows = [...productFacts, ...deploymentFacts].filter((row) => !isDerived(row));
  const byField = statedRows.map((row) => {
    const counts: Record<Backing, number> = { sourced: 0, unattributed: 0, presumed: 0, disputed: 0, none: 0 };
    for (const d of deployments) {
      const claims =
        row.collection === "deployments"
          ? claimsOf(row, d)
          : d.product
            ? claimsOf(row, productById.get(d.product.value)!)
            : "withoutProduct" in row
              ? row.withoutProduct(d)
              : undefined;
      counts[backing(summarizeClaims(claims, "unknown"))] += 1;
    }
    return { field: row.key, counts };
  });
  const jurisdictions = tally(deployments.map((d) => d.country ?? d.organisation ?? ""));
  const bySector = sector.options.map((key): Tally<Sector> => ({
    key,
    count: deployments.filter((d) => d.sectors.includes(key)).length,
  }));

  return {
    /** Practices and offers: listed apart, counted in no figure. */
    apart: apart.map((d) => ({ ...refOf(d), kind: d.kind })),
    totals: {
      deployments: deployments.length,
      jurisdictions: jurisdictions.length,
      products: products.length,
      positions: positions.length,
    },
    byJurisdiction: jurisdictions,
    byLevel: level.options.map((key): Tally<Level> => ({
      key,
      count: deployments.filter((d) => d.level === key).length,
    })),
    bySector,
    byProtocol: protocolTally(products, deployments),
    byField,
    emptySectors: bySector.filter((row) => row.count === 0).map((row) => row.key),
    openQuestions: examined
      .filter((record) => record.openQuestions > 0)
      .map((record) => ({ ...record.ref, count: record.openQuestions })),
    missingLinks: examined
      .map((record) => ({
        ...record.ref,
        missing: record.sources.filter((source) => source.url === undefined).length,
        total: record.sources.length,
      }))
      .filter((finding) => finding.missing > 0),
    disputes: examined
      .map((record) => ({
        ...record.ref,
        fields: record.claims.flatMap(([field, claims]) => {
          const summary = summarizeClaims(claims, "unknown");
          return summary.kind === "disputed" ? [{ field, summary }] : [];
        }),
      }))
      .filter((finding) => finding.fields.length > 0),
    presumptions: examined
      .map((record) => ({
        ...record.ref,
        fields: record.claims.flatMap(([field, claims]) => {
          const summary = summarizeClaims(claims, "unknown");
          return summary.kind === "agreed" && isPresumption(summary) ? [{ field, summary }] : [];
        }),
      }))
      .filter((finding) => finding.fields.length > 0),
  };
}

/** What `coverage` finds. */
export type CoverageReport = ReturnType<typeof coverage>;

/** Counts each distinct key, most frequent first, then alphabetically. */
function tally(keys: string[]): Tally<string>[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function deploymentClaims(d: DeploymentRecord): [ClaimField, Claim<string>[] | undefined][] {
  return [
    ...deploymentFacts.map((row): [ClaimField, Claim<string>[] | undefined] => [row.key, claimsOf(row, d)]),
    // One entry per classification: sources disagreeing about VS-NfD is a dispute, VS-NfD next to another level is not.
    ...[...new Set(d.approvals.map((approval) => approval.classification))].map(
      (classification): [ClaimField, Claim<string>[]] => [
        "approvals",
        d.approvals
          .filter((approval) => approval.classification === classification)
          .map(({ status, sources, confidence }) => ({ value: status, sources, confidence })),
      ],
    ),
  ];
}

function productClaims(p: ProductRecord): [ClaimField, Claim<string>[] | undefined][] {
  return productFacts.flatMap((row): [ClaimField, Claim<string>[] | undefined][] =>
    isDerived(row) ? [] : [[row.key, claimsOf(row, p)]],
  );
}

/**
 * The claims a record makes about a stated fact. Coverage works on the fields it picks from a
 * record (DeploymentRecord, ProductRecord), which include every claim field the rows read.
 */
function claimsOf(row: KeyFactRow, record: DeploymentRecord | ProductRecord): Claim<string>[] | undefined {
  if (isDerived(row)) return undefined;
  return (row.claims as (record: unknown) => Claim<string>[] | undefined)(record);
}

/** How a fact's value is backed: by named sources, only by the record as a whole, by a presumption, or not at all. */
export function backing(summary: ClaimSummary<string>): Backing {
  if (summary.kind === "disputed") return "disputed";
  if (summary.claims.length === 0 || summary.value === "unknown") return "none";
  if (isPresumption(summary)) return "presumed";
  if (summary.claims.every((claim) => claim.confidence === "unattributed")) return "unattributed";
  return "sourced";
}
