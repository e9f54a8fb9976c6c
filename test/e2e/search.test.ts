// Full-text search through Pagefind's index of the build: finds entries by authority, product, place, protocol.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { t, type Lang } from "../../src/i18n/index.ts";
import { displayText, languages, open, records, useBrowser } from "./site.ts";
import { builtText, searchIndex } from "./built-site.ts";

const browser = useBrowser();

/** Waits until the search page has answered (not "searching…") and returns the result links' paths. */
async function resultPaths(page: Page, lang: Lang): Promise<string[]> {
  const dict = t(lang);
  const answered = [dict.search.noResults, dict.search.results.replace("{count}", "")];
  await page.waitForFunction(
    (texts) => {
      const status = document.querySelector("#search-status")?.textContent ?? "";
      return texts.some((text) => status.includes(text));
    },
    answered.map((text) => text.trim()),
  );
  const hrefs = await page
    .locator("#search-results li a")
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href).pathname);
}

async function search(lang: Lang, query: string): Promise<string[]> {
  const page = await browser().newPage();
  await open(page, `/${lang}/search/?${new URLSearchParams({ q: query })}`);
  const paths = await resultPaths(page, lang);
  await page.close();
  return paths;
}

const entryPath = (lang: Lang, id: string) => `/${lang}/deployments/${id}/`;
const stashcatPolice = records.deployments.filter(
  (d) => d.data.product?.value === "stashcat" && d.data.sectors.includes("police"),
);
const hesse = records.deployments.filter((d) => d.data.region === "DE-HE");
const matrix = records.deployments.filter((d) => d.protocol === "matrix");

describe("search", () => {
  it("finds the Bundespolizei entry by the authority's name", async () => {
    expect(await search("de", "Bundespolizei")).toContain(entryPath("de", "de-bundespolizei-moka"));
  });

  it.each(["de", "en"] as const)(
    "finds the police messengers built on Stashcat by the product's name (%s)",
    async (lang) => {
      expect(stashcatPolice.map((d) => d.id)).toEqual(
        expect.arrayContaining(["de-he-polizei-hepolchat", "de-ni-polizei-nimes"]),
      );
      const found = await search(lang, "Stashcat");
      for (const deployment of stashcatPolice) expect(found).toContain(entryPath(lang, deployment.id));
    },
  );

  it("finds the Hesse entry by the state's name", async () => {
    expect(hesse.length).toBeGreaterThan(0);
    const found = await search("de", "Hessen");
    for (const deployment of hesse) expect(found).toContain(entryPath("de", deployment.id));
  });

  it("finds deployments on Matrix by the protocol's name", async () => {
    const found = await search("de", "Matrix");
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((path) => matrix.some((d) => path === entryPath("de", d.id)))).toBe(true);
  });

  it("says so when nothing matches", async () => {
    const page = await browser().newPage();
    await open(page, "/en/search/?q=Qwxzvbnkj");
    expect(await resultPaths(page, "en")).toEqual([]);
    expect(await page.locator("#search-status").textContent()).toBe(t("en").search.noResults);
    await page.close();
  });

  it("sends the header search box on any page to the search page with the query", async () => {
    const page = await browser().newPage();
    await open(page, "/de/table/");
    await page.getByRole("searchbox", { name: t("de").search.label }).fill("Stashcat");
    await page.getByRole("searchbox", { name: t("de").search.label }).press("Enter");
    await page.waitForURL((url) => url.pathname === "/de/search/");
    expect(new URL(page.url()).searchParams.get("q")).toBe("Stashcat");
    expect(await page.locator("#search-input").inputValue()).toBe("Stashcat");
    const found = await resultPaths(page, "de");
    for (const deployment of stashcatPolice) expect(found).toContain(entryPath("de", deployment.id));
    await page.close();
  });

  it("indexes an entry's own text, not the names of related entries or its citation", () => {
    const index = new Map(searchIndex(inject("builtDir")).map((page) => [page.url, page.content]));
    const textOf = (html: string) =>
      html
        .replace(/<[^>]+>/g, " ")
        .replace(/&[a-z]+;|&#\d+;/g, " ")
        .replace(/\s+/g, " ");
    let checked = 0;
    for (const { id } of records.deployments) {
      const html = builtText(inject("builtDir"), entryPath("de", id));
      const related = /<section aria-labelledby="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
      const elsewhere = textOf(html.replace(related, ""));
      const names = [...related.matchAll(/<a [^>]*href="\/de\/deployments\/[^"]+"[^>]*>([^<]+)<\/a>/g)]
        .map(([, name]) => textOf(name!).trim())
        .filter((name) => name.length > 0 && !elsewhere.includes(name));
      const content = index.get(entryPath("de", id))!;
      expect(content, id).toBeDefined();
      for (const name of names) expect(content, `${id} is indexed with the name of ${name}`).not.toContain(name);
      expect(content, id).not.toContain("@misc{");
      checked += names.length;
    }
    expect(checked, "related names were there to check").toBeGreaterThan(10);
  });

  it("indexes what a reader searches an entry by, not the words every entry page repeats", () => {
    const index = new Map(searchIndex(inject("builtDir")).map((page) => [page.url, page.content]));
    for (const lang of languages) {
      const dict = t(lang);
      const boilerplate = [dict.entry.helpWanted, dict.entry.keyFacts, dict.entry.noUsers];
      for (const deployment of records.deployments) {
        const content = index.get(entryPath(lang, deployment.id))!;
        expect(content, deployment.id).toBeDefined();
        for (const authority of deployment.data.authorities) {
          expect(content, deployment.id).toContain(displayText(authority.name, lang));
        }
        if (deployment.product) expect(content, deployment.id).toContain(deployment.product.data.name);
        for (const phrase of boilerplate) expect(content, `${deployment.id}: ${phrase}`).not.toContain(phrase);
      }
    }
  });
});
