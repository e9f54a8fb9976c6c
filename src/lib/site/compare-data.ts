/**
 * What the compare view needs, written at build time: the rows it compares (in the page) and one
 * small JSON file per deployment and product and language (`compareEntryPath` in
 * compare-selection.ts), each with its rows already in words, each value with its confidence and
 * the numbers of its sources (as the entry page numbers them, linked there). The view fetches only the entries it shows, so what it
 * loads does not grow with the registry. The rows come from the key-fact table, so a new key fact
 * is compared without touching this file.
 */
import { t, type Lang } from "../../i18n/index.ts";
import type { Claim } from "../../schema/index.ts";
import { isConcrete, isPresumption, type ClaimSummary } from "../model/derive.ts";
import { allDeploymentFacts, productFacts, type KeyFactRow } from "../model/key-facts.ts";
import { deploymentReach } from "../model/reach.ts";
import type { DeploymentEntry, ProductEntry, RegistryModel } from "../model/registry-model.ts";
import { productDeployments } from "../model/product-deployments.ts";
import { factHeadlineText, factLabels, factName, vendorText } from "./fact-text.ts";
import { formatDate } from "./dates.ts";
import { productSourceRefs, sourceNumbers, sourceRef, type SourceRef } from "./source-numbers.ts";
import { deploymentUrl, productUrl } from "./urls.ts";

/**
 * One source reference: its number as the entry page shows it, and its anchor there (after the
 * entry's url), or on `page` for a source only another page lists (a product's).
 */
export type CompareSourceRef = { label: string; anchor: string; page?: string };

/** One claim behind a value: the value (shown where sources disagree), its confidence, its sources. */
export type CompareClaim = { value: string; confidence: string; presumed: boolean; sources: CompareSourceRef[] };

/** One cell: the value in words, how it is marked, and the claims it rests on. */
export type CompareCell = {
  text: string;
  marker: "plain" | "presumed" | "disputed";
  /** Whether the cell is a sourced fact (shown as a chip with its claims) rather than plain text. */
  fact: boolean;
  claims: CompareClaim[];
};

/** A deployment or product as the compare view shows it. */
export type CompareEntry = {
  id: string;
  kind: "deployment" | "product";
  name: string;
  url: string;
  /** The line above its name: "Deployment · Germany" or "Product". */
  kicker: string;
  cells: Record<string, CompareCell>;
};

/** One compared row: the key of the cells it shows and its name. */
export type CompareRow = { key: string; name: string };

/** A plain cell with no claims behind it. */
const plain = (text: string): CompareCell => ({ text, marker: "plain", fact: false, claims: [] });

/** Claims with the same value, confidence and sources once (a derived fact repeats its sources' claims). */
function distinct(claims: CompareClaim[]): CompareClaim[] {
  const seen = new Set<string>();
  return claims.filter((claim) => {
    const key = JSON.stringify(claim);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Source references of a claim, numbered as the entry page numbers them. */
function refsOf(
  claim: Pick<Claim<unknown>, "sources">,
  numbers: Map<string, number>,
  elsewhere?: Map<string, SourceRef>,
): CompareSourceRef[] {
  return claim.sources.map((id) => {
    const { text, anchor, page } = sourceRef(id, numbers, elsewhere);
    return { label: text, anchor, ...(page !== undefined && { page }) };
  });
}

/** A key fact's cell: headline text, marker, and each claim with its confidence and sources. */
function factCell(
  row: KeyFactRow,
  summary: ClaimSummary<string>,
  lang: Lang,
  refs: (claim: Claim<string>) => CompareSourceRef[],
): CompareCell {
  const labels = factLabels(row, lang);
  const dict = t(lang);
  return {
    text: factHeadlineText(row, summary, lang),
    marker: summary.kind === "disputed" ? "disputed" : isPresumption(summary) ? "presumed" : "plain",
    fact: true,
    claims: distinct(
      summary.claims.map((claim) => ({
        value: labels[claim.value] ?? claim.value,
        confidence: dict.label.confidence[claim.confidence],
        presumed: claim.confidence === "presumed",
        sources: refs(claim),
      })),
    ),
  };
}

/** The rows compared, in order: where and what, then every key fact, then reach, status and review. */
export function compareRows(lang: Lang): CompareRow[] {
  const dict = t(lang);
  return [
    { key: "jurisdiction", name: dict.field.country },
    { key: "level", name: dict.field.level },
    { key: "product", name: dict.field.product },
    { key: "vendor", name: dict.field.vendor },
    ...allDeploymentFacts.map((row) => ({ key: row.key, name: factName(row, lang) })),
    { key: "circle", name: dict.reachPage.filterTitle },
    { key: "status", name: dict.field.status },
    { key: "deployments", name: dict.field.deployments },
    { key: "reviewed", name: dict.field.reviewed },
  ];
}

/** The vendor as the product's sources name it: one name, the names the sources disagree on, or unknown. */
/** The review date, or that no editor has reviewed the record yet. */
function reviewedText(reviewed: string | undefined, lang: Lang): string {
  return reviewed ? formatDate(reviewed, lang) : t(lang).entry.notReviewed;
}

function deploymentEntry(deployment: DeploymentEntry, all: DeploymentEntry[], lang: Lang): CompareEntry {
  const dict = t(lang);
  const url = deploymentUrl(lang, deployment.id);
  const own = sourceNumbers(deployment.sources);
  const product = deployment.productEntry;
  const productRefs = product && productSourceRefs(product.sources, deployment.sources, productUrl(lang, product.id));
  const cells: Record<string, CompareCell> = {
    jurisdiction: plain(
      [deployment.jurisdictionName[lang], deployment.region].filter((part) => part !== undefined).join(" · "),
    ),
    level: plain(dict.label.level[deployment.level]),
    product: plain(product?.name ?? dict.entry.productNotNamed),
    vendor: plain((product && vendorText(product, lang)) ?? dict.unknownValue),
    status: plain(dict.label.lifecycleStatus[deployment.currentStatus]),
    reviewed: plain(reviewedText(deployment.reviewed, lang)),
  };
  for (const row of allDeploymentFacts) {
    const elsewhere = row.collection === "products" ? productRefs : undefined;
    cells[row.key] = factCell(row, deployment.facts[row.key], lang, (claim) => refsOf(claim, own, elsewhere));
  }
  const reach = deploymentReach(deployment, all);
  const page = dict.reachPage;
  cells.circle = {
    text: page.classShort[reach.class],
    marker: reach.class === "disputed" ? "disputed" : reach.presumed ? "presumed" : "plain",
    fact: true,
    claims: reach.circles.flatMap((circle) =>
      circle.claims.map((claim) => ({
        value: page.classShort[circle.kind],
        confidence: dict.label.confidence[claim.confidence],
        presumed: claim.confidence === "presumed",
        sources: refsOf(claim, own),
      })),
    ),
  };
  return {
    id: deployment.id,
    kind: "deployment",
    name: deployment.displayName[lang],
    url,
    // A practice or an offer says so, so it is never compared as though it were a deployment.
    kicker: `${isConcrete(deployment) ? dict.entry.deploymentOf : dict.label.recordKind[deployment.kind]} · ${deployment.jurisdictionName[lang]}`,
    cells,
  };
}

function productEntry(product: ProductEntry, id: string, deploymentCount: number, lang: Lang): CompareEntry {
  const dict = t(lang);
  const url = productUrl(lang, product.id);
  const numbers = sourceNumbers(product.sources);
  const cells: Record<string, CompareCell> = {
    vendor: plain(vendorText(product, lang) ?? dict.unknownValue),
    deployments: plain(String(deploymentCount)),
    reviewed: plain(reviewedText(product.reviewed, lang)),
  };
  for (const row of productFacts) {
    cells[row.key] = factCell(row, product.facts[row.key], lang, (claim) => refsOf(claim, numbers));
  }
  return { id, kind: "product", name: product.name, url, kicker: dict.productPage.kicker, cells };
}

/** How the compare view addresses a product: by its id, or `product:<id>` where a deployment has that id. */
export function productCompareId(productId: string, deploymentIds: Set<string>): string {
  return deploymentIds.has(productId) ? `product:${productId}` : productId;
}

const entriesOfModel = new WeakMap<RegistryModel, Partial<Record<Lang, CompareEntry[]>>>();

/**
 * Every deployment and product as the compare view shows it in one language, worked out once
 * per build. Deployments keep their ids; a product whose id a deployment already has is
 * addressed as `product:<id>`.
 */
export function compareEntries(model: RegistryModel, lang: Lang): CompareEntry[] {
  const byLang = entriesOfModel.get(model) ?? {};
  entriesOfModel.set(model, byLang);
  const known = byLang[lang];
  if (known) return known;
  const deploymentIds = new Set(model.deployments.map((d) => d.id));
  return (byLang[lang] = [
    ...model.deployments.map((d) => deploymentEntry(d, model.deployments, lang)),
    ...model.products.map((p) =>
      productEntry(
        p,
        productCompareId(p.id, deploymentIds),
        productDeployments(model, p.id).filter(isConcrete).length,
        lang,
      ),
    ),
  ]);
}
