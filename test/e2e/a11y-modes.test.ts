// Accessibility beyond the default view: dark mode passes axe-core, narrow screens need no
// sideways scrolling, and the table's sort buttons are named for screen readers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import { axeViolations, entry } from "./a11y.ts";
import { languages, open, useBrowser } from "./site.ts";

const browser = useBrowser();

describe.each(languages)("accessibility (%s)", (lang) => {
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
