// Accessibility: axe-core finds no WCAG 2.2 AA violations, and narrow screens need no sideways scrolling.
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { t, type Lang } from "../../src/i18n/index.ts";
import { languages, open, records, useBrowser } from "./site.ts";

const browser = useBrowser();
const axePath = resolve("node_modules/axe-core/axe.min.js");
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const entry = records.deployments.find((d) => d.id === "de-he-polizei-hepolchat") ?? records.deployments[0]!;

type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };

/** Runs axe on the open page and describes each violation with the elements it concerns. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  }, wcagTags);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`);
}

/** The pages to check, each with what must have happened on it before checking. */
const pages: { name: string; path: (lang: Lang) => string; ready: (page: Page, lang: Lang) => Promise<unknown> }[] = [
  { name: "home", path: (lang) => `/${lang}/`, ready: async () => {} },
  {
    name: "table",
    path: (lang) => `/${lang}/table/`,
    ready: (page) => page.locator("#table-filters").waitFor({ state: "visible" }),
  },
  {
    name: "table filtered to Matrix",
    path: (lang) => `/${lang}/table/?protocol=matrix`,
    ready: (page) => page.locator("#table-filters").waitFor({ state: "visible" }),
  },
  { name: `entry ${entry.id}`, path: (lang) => `/${lang}/deployments/${entry.id}/`, ready: async () => {} },
  { name: "overview", path: (lang) => `/${lang}/overview/`, ready: async () => {} },
  { name: "products compared", path: (lang) => `/${lang}/products/`, ready: async () => {} },
  { name: "product stashcat", path: (lang) => `/${lang}/products/stashcat/`, ready: async () => {} },
  { name: "protocols compared", path: (lang) => `/${lang}/protocols/`, ready: async () => {} },
  { name: "country DE", path: (lang) => `/${lang}/countries/de/`, ready: async () => {} },
  { name: "positions", path: (lang) => `/${lang}/positions/`, ready: async () => {} },
  {
    name: `position ${records.positionIds[0]}`,
    path: (lang) => `/${lang}/positions/${records.positionIds[0]}/`,
    ready: async () => {},
  },
  { name: "coverage", path: (lang) => `/${lang}/coverage/`, ready: async () => {} },
  { name: "methodology", path: (lang) => `/${lang}/methodology/`, ready: async () => {} },
  { name: "API", path: (lang) => `/${lang}/api/`, ready: async () => {} },
  { name: "contribute", path: (lang) => `/${lang}/contribute/`, ready: async () => {} },
  {
    name: "search results for Stashcat",
    path: (lang) => `/${lang}/search/?q=Stashcat`,
    ready: (page) => page.locator("#search-results li a").first().waitFor(),
  },
];

describe.each(languages)("accessibility (%s)", (lang) => {
  it.each(pages)("$name has no WCAG 2.2 A/AA violations", async ({ path, ready }) => {
    const page = await browser().newPage();
    await open(page, path(lang));
    await ready(page, lang);
    expect(await axeViolations(page), path(lang)).toEqual([]);
    await page.close();
  });

  it.each([`/${lang}/`, `/${lang}/table/`, `/${lang}/deployments/${entry.id}/`])(
    "%s has no WCAG 2.2 A/AA violations in dark mode",
    async (path) => {
      const page = await browser().newPage({ colorScheme: "dark" });
      await open(page, path);
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    },
  );

  describe("at 320 CSS pixels wide", () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser().newContext({ viewport: { width: 320, height: 640 } });
    });
    afterAll(async () => {
      await context.close();
    });

    it.each([`/${lang}/`, `/${lang}/table/`, `/${lang}/deployments/${entry.id}/`])(
      "%s needs no sideways scrolling",
      async (path) => {
        const page = await context.newPage();
        await open(page, path);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(innerWidth).toBe(320);
        expect(scrollWidth, `${path} is ${scrollWidth}px wide`).toBeLessThanOrEqual(innerWidth);
        await page.close();
      },
    );
  });

  it("labels the table's sort buttons for screen readers", async () => {
    const page = await browser().newPage();
    await open(page, `/${lang}/table/`);
    const dict = t(lang);
    const button = page.getByRole("button", {
      name: dict.table.sortBy.replace("{column}", dict.field.authority),
      exact: true,
    });
    expect(await button.count()).toBe(1);
    await page.close();
  });
});
