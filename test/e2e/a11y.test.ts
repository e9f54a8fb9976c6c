// Accessibility: axe-core finds no WCAG 2.2 A/AA violations on any kind of page (dark mode and
// narrow screens: a11y-modes.test.ts).
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Lang } from "../../src/i18n/index.ts";
import { axeViolations, entry } from "./a11y.ts";
import { languages, open, records, useBrowser } from "./site.ts";

const browser = useBrowser();

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
});
