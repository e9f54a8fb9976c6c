// Accessibility in the states script puts pages in: axe-core finds no WCAG 2.2 A/AA violations.
// Every page as it loads: every-page-*.test.ts; dark mode: a11y-modes.test.ts.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Lang } from "../../src/i18n/index.ts";
import { axeViolations } from "./a11y.ts";
import { languages, open, useBrowser } from "./site.ts";

const browser = useBrowser();

/** Pages in a state that script brings about, each with what must have happened before checking. */
const states: { name: string; path: (lang: Lang) => string; ready: (page: Page) => Promise<unknown> }[] = [
  {
    name: "table with its filters",
    path: (lang) => `/${lang}/table/`,
    ready: (page) => page.locator("#table-filters").waitFor({ state: "visible" }),
  },
  {
    name: "table filtered to Matrix",
    path: (lang) => `/${lang}/table/?protocol=matrix`,
    ready: (page) => page.locator("#table-filters").waitFor({ state: "visible" }),
  },
  {
    name: "search results for Stashcat",
    path: (lang) => `/${lang}/search/?q=Stashcat`,
    ready: (page) => page.locator("#search-results li a").first().waitFor(),
  },
];

describe.each(languages)("accessibility (%s)", (lang) => {
  it.each(states)("$name has no WCAG 2.2 A/AA violations", async ({ path, ready }) => {
    const page = await browser().newPage();
    await open(page, path(lang));
    await ready(page);
    expect(await axeViolations(page), path(lang)).toEqual([]);
    await page.close();
  });
});
