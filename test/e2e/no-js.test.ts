// Without JavaScript the site still shows everything: the whole table and complete entry pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import {
  concreteDeployments,
  deploymentFileIds,
  languages,
  open,
  records,
  squash,
  titleText,
  useBrowser,
} from "./site.ts";

const browser = useBrowser();
let context: BrowserContext;

beforeAll(async () => {
  context = await browser().newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await context.close();
});

describe.each(languages)("without JavaScript (%s)", (lang) => {
  const dict = t(lang);

  it("lists every deployment file: deployments as visible table rows, practices and offers apart", async () => {
    const page = await context.newPage();
    await open(page, `/${lang}/table/`);
    const rows = page.locator("tbody tr[data-id]");
    const ids = await rows.evaluateAll((all) => all.map((row) => row.getAttribute("data-id")!));
    expect(ids.sort()).toEqual(concreteDeployments.map((d) => d.id).sort());
    const apart = await page
      .locator("[data-records-apart] li[data-id]")
      .evaluateAll((all) => all.map((item) => `${item.getAttribute("data-id")} ${item.getAttribute("data-kind")}`));
    expect(apart.sort()).toEqual(
      records.deployments
        .filter((d) => d.data.kind !== "deployment")
        .map((d) => `${d.id} ${d.data.kind}`)
        .sort(),
    );
    expect([...ids, ...apart.map((item) => item.split(" ")[0]!)].sort()).toEqual(deploymentFileIds());
    for (const row of await rows.all()) expect(await row.isVisible()).toBe(true);
    expect(await page.locator("#table-filters").isVisible()).toBe(false);
    const total = String(ids.length);
    expect(await page.locator("#table-count").textContent()).toBe(
      dict.table.count.replace("{shown}", total).replace("{total}", total),
    );
    await page.close();
  });

  it("shows an entry page in full: heading, key facts and every source", async () => {
    const entry = records.deployments.find((d) => d.data.sources.length > 1);
    if (!entry) throw new Error("data/ has no deployment with more than one source to show");
    const page = await context.newPage();
    await open(page, `/${lang}/deployments/${entry.id}/`);
    const heading = squash(await page.locator("h1").textContent());
    expect(heading).toBe(
      `${titleText(entry, lang)}: ${entry.data.name ?? entry.product?.data.name ?? t(lang).entry.productNotNamed}`,
    );
    expect(await page.locator("h1").isVisible()).toBe(true);
    expect(await page.locator(".fact[data-field=federation]").isVisible()).toBe(true);

    const sources = page.locator("h2#sources + ol.sources > li[data-source-id]");
    expect(await sources.evaluateAll((items) => items.map((item) => item.getAttribute("data-source-id")))).toEqual(
      entry.data.sources.map((source) => source.id),
    );
    for (const item of await sources.all()) expect(await item.isVisible()).toBe(true);
    await page.close();
  });

  it("tells the reader on the search page where to find entries instead", async () => {
    const page = await context.newPage();
    await open(page, `/${lang}/search/`);
    // Playwright's text matching skips <noscript>, so the hint is found by its place and read as rendered text.
    const hint = page.locator("main noscript p");
    expect(await hint.isVisible()).toBe(true);
    expect(squash(await hint.innerText())).toContain(dict.search.noScript);
    expect(await hint.locator("a", { hasText: dict.nav.table }).getAttribute("href")).toBe(`/${lang}/table/`);
    await page.close();
  });
});
