// Accessibility beyond the default view: every kind of page passes axe-core in dark mode, and
// the table's sort buttons are named for screen readers. (Narrow screens: every-page-*.test.ts
// checks each built page at 320 CSS pixels.)
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import { axeViolations } from "./a11y.ts";
import { builtPages } from "./built-site.ts";
import { languages, open, useBrowser } from "./site.ts";

const browser = useBrowser();

/** One built page of each kind (a product page, a country page, …): one address of each pattern. */
const pageKinds = [
  ...new Map(
    builtPages(inject("builtDir"))
      .filter((path) => path.startsWith("/de/"))
      .map((path) => [path.replace(/^\/de\/([^/]+)\/[^/]+\/$/, "/de/$1/*/"), path]),
  ).values(),
];

describe.each(languages)("accessibility (%s)", (lang) => {
  describe("in dark mode", () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser().newContext({ colorScheme: "dark" });
    });
    afterAll(async () => {
      await context.close();
    });

    it.each(pageKinds.map((path) => path.replace(/^\/de\//, `/${lang}/`)))(
      "%s has no WCAG 2.2 A/AA violations",
      async (path) => {
        const page = await context.newPage();
        await open(page, path);
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
        expect(await axeViolations(page), path).toEqual([]);
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
