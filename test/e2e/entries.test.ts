// Every deployment's entry page, in both languages, shows what its YAML record says.
import { describe, expect, it } from "vitest";
import { t, type Lang } from "../../src/i18n/index.ts";
import type { Claim } from "../../src/schema/index.ts";
import { allDeploymentFacts, isDerived } from "../../src/lib/model/key-facts.ts";
import {
  currentClaims,
  expectedMarker,
  headline,
  languages,
  records,
  siteUrl,
  useBrowser,
  type ExpectedDeployment,
} from "./site.ts";

const browser = useBrowser();

/**
 * Key facts whose claims the page lists: every stated row of the key-fact table, with its claims
 * read from the deployment's or its product's YAML record, and its labels.
 */
function claimFacts(deployment: ExpectedDeployment, lang: Lang) {
  const label = t(lang).label;
  return Object.fromEntries(
    allDeploymentFacts
      .filter((row) => !isDerived(row))
      .map((row) => {
        const ownClaims = "withoutProduct" in row ? row.withoutProduct(deployment.data) : undefined;
        const claims =
          row.collection === "deployments"
            ? (row.claims as (record: unknown) => Claim<string>[] | undefined)(deployment.data)
            : deployment.product
              ? (row.claims as (record: unknown) => Claim<string>[] | undefined)(deployment.product.data)
              : ownClaims;
        const sourcesOf: "own" | "product" = row.collection === "products" && deployment.product ? "product" : "own";
        return [row.key, { claims, labels: label[row.labels] as Record<string, string>, sourcesOf }];
      }),
  );
}

/** The shown value of a fact: its label, both labels when disputed, and the hidden presumption note. */
function valueText(claims: Claim<string>[] | undefined, labels: Record<string, string>, lang: Lang): string {
  const dict = t(lang);
  const value = headline(claims, "unknown");
  if (value === "disputed")
    return `${dict.disputed}: ${[...new Set(currentClaims(claims).map((c) => c.value))].map((v) => labels[v]).join(" / ")}`;
  const current = currentClaims(claims);
  if (value !== "unknown" && current.length > 0 && current.every((c) => c.confidence === "unattributed")) {
    return `${labels[value]} · ${dict.unsourcedShort} (${dict.label.confidence.unattributed})`;
  }
  if (expectedMarker(claims) !== "presumed") return labels[value]!;
  // Whose presumption it is, as the tag says it: visibly in short, in full for screen readers.
  const by = new Set(currentClaims(claims).map((c) => c.presumedBy));
  const who = by.size > 1 ? "both" : by.has("editors") ? "editors" : "article";
  return `${labels[value]} · ${dict.presumerShort[who]} (${dict.presumptionBy[who]})`;
}

function expectedPage(deployment: ExpectedDeployment, lang: Lang) {
  const dict = t(lang);
  type Source = { id: string; url?: string; publisher: string; title?: string; date?: string };
  const own: Source[] = deployment.data.sources;
  // A product source naming a document the deployment cites too (same address; without one, same
  // publisher, title and date) points to the deployment's numbered entry of it.
  const ownCopy = (source: Source) =>
    own.findIndex((other) =>
      source.url || other.url
        ? source.url === other.url
        : [source.publisher, source.title, source.date].join("|") ===
          [other.publisher, other.title, other.date].join("|"),
    );
  const sourceItems = (sources: Source[]) =>
    sources.map((source) => ({
      id: source.id,
      href: source.url ?? null,
      linkMissing: source.url ? null : dict.linkMissing,
    }));
  // The product's sources are listed on its page: a reference to one goes there, numbered P1, P2, …,
  // unless the deployment cites that document too, which makes it the deployment's own number.
  const productSources: Source[] = deployment.product?.data.sources ?? [];
  const refTo = (id: string, sourcesOf: "own" | "product") => {
    if (sourcesOf === "own") return `#source-${id} [${own.findIndex((source) => source.id === id) + 1}]`;
    const index = productSources.findIndex((source) => source.id === id);
    const copy = ownCopy(productSources[index]!);
    return copy !== -1
      ? `#source-${own[copy]!.id} [${copy + 1}]`
      : `/${lang}/products/${deployment.product!.id}/#source-${id} [P${index + 1}]`;
  };
  return {
    status: 200,
    id: deployment.id,
    facts: Object.fromEntries(
      Object.entries(claimFacts(deployment, lang)).map(([field, { claims, labels, sourcesOf }]) => [
        field,
        {
          values: currentClaims(claims).map((c) => c.value),
          earlier: (claims ?? []).filter((c) => !currentClaims(claims).includes(c)).map((c) => c.value),
          marker: expectedMarker(claims),
          text: valueText(claims, labels, lang),
          refs: (claims ?? []).flatMap((c) => c.sources.map((id) => refTo(id, sourcesOf))).sort(),
        },
      ]),
    ),
    timeline: deployment.data.status.map((step) => ({
      status: step.status,
      label: dict.label.lifecycleStatus[step.status],
    })),
    users: deployment.data.users.map((figure) => ({
      count: String(figure.count),
      kind: figure.kind,
      label: dict.label.userCountKind[figure.kind],
    })),
    sources: sourceItems(deployment.data.sources),
    productSourcesLink: deployment.product ? `/${lang}/products/${deployment.product.id}/#sources` : null,
  };
}

describe.each(languages)("entry pages (%s)", (lang) => {
  it(
    "exist for every deployment and show its facts, status history, user figures and sources",
    { timeout: 120_000 },
    async () => {
      const page = await browser().newPage();
      const actual: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      for (const deployment of records.deployments) {
        const path = `/${lang}/deployments/${deployment.id}/`;
        const response = await page.goto(siteUrl(path));
        const facts = Object.keys(claimFacts(deployment, lang));
        const shown = await page.evaluate((fields) => {
          const text = (element: Element | null | undefined) =>
            (element?.textContent ?? "").replace(/\s+/g, " ").trim();
          // What sighted readers see: the text without the parts only screen readers get.
          const seenText = (element: Element | null) => {
            const copy = element?.cloneNode(true) as Element | undefined;
            copy?.querySelectorAll(".visually-hidden").forEach((hidden) => hidden.remove());
            return text(copy);
          };
          const sourceItems = (list: Element | null) =>
            [...(list?.querySelectorAll(":scope > li[data-source-id]") ?? [])].map((item) => ({
              id: item.getAttribute("data-source-id"),
              href: item.querySelector("a.source-link")?.getAttribute("href") ?? null,
              linkMissing: item.querySelector(".link-missing") ? seenText(item.querySelector(".link-missing")) : null,
            }));
          const marker = (tag: Element | null) =>
            tag?.classList.contains("tag-disputed")
              ? "disputed"
              : tag?.classList.contains("tag-presumed")
                ? "presumed"
                : "plain";
          return {
            id: document.querySelector("article[data-deployment-id]")?.getAttribute("data-deployment-id"),
            facts: Object.fromEntries(
              fields.map((field) => {
                const fact = document.querySelector(`.fact[data-field="${field}"]`);
                const tag = fact?.querySelector(":scope > dd > .tag") ?? null;
                const values = [...(fact?.querySelectorAll("li[data-value]") ?? [])].map((li) =>
                  li.getAttribute("data-value"),
                );
                const earlier = [...(fact?.querySelectorAll("li[data-earlier-value]") ?? [])].map((li) =>
                  li.getAttribute("data-earlier-value"),
                );
                const refs = [...(fact?.querySelectorAll("ul.claims a.source-ref") ?? [])]
                  .map((ref) => `${ref.getAttribute("href")} ${text(ref)}`)
                  .sort();
                return [field, { values, earlier, marker: marker(tag), text: text(tag), refs }];
              }),
            ),
            timeline: [...document.querySelectorAll("ol.timeline > li[data-status]")].map((li) => ({
              status: li.getAttribute("data-status"),
              label: text(li.querySelector("strong")),
            })),
            users: [...document.querySelectorAll("li[data-count][data-kind]")].map((li) => ({
              count: li.getAttribute("data-count"),
              kind: li.getAttribute("data-kind"),
              label: text(li.querySelector("strong")),
            })),
            sources: sourceItems(document.querySelector("h2#sources + ol.sources")),
            // The product's sources are not listed again here; a link leads to them.
            productSourcesLink: document.querySelector("h3#product-sources")
              ? (document.querySelector("h3#product-sources + p a")?.getAttribute("href") ?? "no link")
              : null,
          };
        }, facts);
        actual[path] = { status: response?.status(), ...shown };
        expected[path] = expectedPage(deployment, lang);
      }
      expect(actual).toEqual(expected);
      await page.close();
    },
  );
});

describe("a reference to a product's source", () => {
  it("leads from the deployment's page to that source on the product's page, marked there", async () => {
    const deployment = records.deployments.find((d) =>
      d.product?.data.sources.some((source) => !d.data.sources.some((own) => own.url === source.url)),
    )!;
    const tab = await browser().newPage();
    await tab.goto(siteUrl(`/en/deployments/${deployment.id}/`));
    const reference = tab.locator(`a.source-ref[href^="/en/products/${deployment.product!.id}/#source-"]`).first();
    const target = (await reference.getAttribute("href"))!.split("#")[1]!;
    await reference.click();
    await tab.waitForURL(`**/en/products/${deployment.product!.id}/#${target}`);
    const background = (selector: string) =>
      tab
        .locator(selector)
        .first()
        .evaluate((item) => getComputedStyle(item).backgroundColor);
    const others = `ol.sources > li:not(#${target})`;
    expect(await tab.locator(others).count()).toBeGreaterThan(0);
    expect(await background(`li#${target}`)).not.toBe(await background(others));
    await tab.close();
  });
});
