/**
 * What the end-to-end tests share: the address of the built site, the worker's browser,
 * and what each page should show, worked out from the YAML records themselves (never from the
 * built HTML), so a test fails when the site stops showing what the data says.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { sharedBrowser } from "./browser.ts";
import { dataFingerprint } from "./data-fingerprint.ts";
import { formatProblem, validateRegistry, type LoadedRecord } from "../../src/lib/validation/validate-registry.ts";
import { otherLang, t, type Lang } from "../../src/i18n/index.ts";
import type { Claim, Deployment, Product } from "../../src/schema/index.ts";

/** The site's languages, each of which the tests visit. */
export { languages } from "../../src/i18n/index.ts";

/** Absolute address of a path on the served build. */
export function siteUrl(path: string): string {
  return new URL(path, inject("baseUrl")).href;
}

/**
 * The worker's Chromium for the calling test file (see browser.ts). Whatever the file leaves
 * open, also after a failed test, is closed after it, so the next file starts with a clean browser.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });
  return () => {
    if (!browser) throw new Error("the browser is started in beforeAll");
    return browser;
  };
}

/** Opens a path and fails unless the server answered 200. */
export async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(siteUrl(path));
  if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
}

/**
 * The ids a paged list names (its `items`' data-id), from the page `goto` opens on, following the
 * pages' "next" links as a reader without JavaScript would.
 */
export async function idsThroughPages(page: Page, items: string, goto: (href: string) => Promise<unknown>) {
  const ids: string[] = [];
  for (;;) {
    ids.push(...(await page.locator(items).evaluateAll((found) => found.map((item) => item.dataset.id!))));
    const next = page.locator('nav.pagination a[rel="next"]').first();
    if ((await next.count()) === 0) return ids;
    await goto((await next.getAttribute("href"))!);
  }
}

/** A deployment record with its product, as the tests expect the site to present it. */
export type ExpectedDeployment = {
  id: string;
  data: Deployment;
  /** Its product's record; undefined where the deployment names no product. */
  product?: LoadedRecord<Product>;
  /** The protocol its product's (or, without a product, its own) claims amount to, else "disputed". */
  protocol: string;
  /** Country code, or the organisation's name for an international body. */
  country: string;
};

function loadRecords() {
  if (dataFingerprint() !== inject("dataFingerprint")) {
    throw new Error("data/ changed after the site was built for this run (someone is editing it); run the tests again");
  }
  const { registry, problems } = validateRegistry("data");
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new Error(`data/ does not validate:\n${errors.map(formatProblem).join("\n")}`);
  const products = new Map(registry.products.map((product) => [product.id, product]));
  const deployments = registry.deployments.map((record): ExpectedDeployment => {
    const productId = record.data.product?.value;
    const product = productId === undefined ? undefined : products.get(productId);
    if (productId !== undefined && !product) throw new Error(`${record.file}: no product ${productId}`);
    return {
      id: record.id,
      data: record.data,
      product,
      protocol: headline(product ? product.data.protocol : record.data.protocol, "unknown"),
      country: record.data.country ?? record.data.organisation!,
    };
  });
  return { deployments, products: registry.products, positionIds: registry.positions.map((position) => position.id) };
}

/** The registry's records, read and validated from data/ once per test file, as the site was built from them. */
export const records = loadRecords();

/** The deployment a test names; fails when data/ has none by that id, rather than testing another record. */
export function deploymentById(id: string): ExpectedDeployment {
  const deployment = records.deployments.find((candidate) => candidate.id === id);
  if (!deployment) throw new Error(`the tests name deployment ${id}, but data/deployments/ has no ${id}.yaml`);
  return deployment;
}

/** The concrete deployments: what the table lists and the figures count (practices and offers come apart). */
export const concreteDeployments = records.deployments.filter((d) => d.data.kind === "deployment");

/** Ids of the deployment files in data/deployments/: what the site must list. */
export function deploymentFileIds(): string[] {
  return readdirSync("data/deployments")
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.replace(/\.yaml$/, ""))
    .sort();
}

/**
 * The claims that still hold: a claim that names when it ended, or one that a claim with another
 * value is known to follow (it starts after the last day the first is known to hold), is history.
 */
export function currentClaims<T>(claims: Claim<T>[] | undefined): Claim<T>[] {
  const all = claims ?? [];
  const first = (date: string) => (date + "-01-01").slice(0, 10);
  const last = (date: string) => (date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date);
  return all.filter((claim) => {
    if (claim.until) return false;
    const end = claim.asOf ?? claim.from;
    if (!end) return true;
    return !all.some((other) => {
      const start = other.from ?? other.asOf;
      return other.value !== claim.value && start !== undefined && first(start) > last(end);
    });
  });
}

/** The value a list of claims amounts to: the one the current claims agree on, "disputed", or `fallback` if none. */
export function headline<T extends string>(claims: Claim<T>[] | undefined, fallback: T): T | "disputed" {
  const values = new Set(currentClaims(claims).map((claim) => claim.value));
  if (values.size === 0) return fallback;
  return values.size === 1 ? [...values][0]! : "disputed";
}

/** The marker a reader sees on a fact's value: a dispute, an editor's presumption, or none. */
export function expectedMarker(claims: Claim<string>[] | undefined): "disputed" | "presumed" | "plain" {
  const current = currentClaims(claims);
  if (headline(claims, "unknown") === "disputed") return "disputed";
  if (current.length > 0 && current.every((claim) => claim.confidence === "presumed")) return "presumed";
  return "plain";
}

/**
 * Free text as a reader of `lang` sees it: in that language, or in the other one followed by
 * the dictionary's "not yet translated" mark (a plain string counts as German).
 */
export function displayText(text: string | { de?: string; en?: string }, lang: Lang): string {
  const byLang = typeof text === "string" ? { de: text } : text;
  const wanted = byLang[lang];
  if (wanted !== undefined) return wanted;
  const other = byLang[otherLang(lang)] ?? "";
  return `${other} (${t(lang).notTranslated})`;
}

/** The deployment's title as the table's first column and its sort key show it. */
export function titleText(deployment: ExpectedDeployment, lang: Lang): string {
  const name = deployment.data.authorities[0]!.name;
  const byLang = typeof name === "string" ? { de: name } : name;
  return byLang[lang] ?? byLang[otherLang(lang)] ?? "";
}

/** Collapses runs of white space, as a reader perceives rendered text. */
export function squash(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
