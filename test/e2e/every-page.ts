/**
 * The check of every page the build wrote, opened in Chromium: it meets WCAG 2.2 A/AA (axe-core),
 * nothing violates its Content-Security-Policy, it asks no other origin for anything, it logs no
 * error, and at 320 CSS pixels it needs no sideways scrolling. The pages come from the build
 * output, not from a list; every-page-de.test.ts and every-page-en.test.ts share them out, so
 * two browser workers go through them side by side.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { axeViolations } from "./a11y.ts";
import { builtPages } from "./built-site.ts";
import { openWatched } from "./page-checks.ts";
import { siteUrl, useBrowser } from "./site.ts";

/** Defines the tests for the built pages whose address `belongs`. */
export function checkEveryPage(name: string, belongs: (path: string) => boolean): void {
  const browser = useBrowser();
  const pages = builtPages(inject("builtDir")).filter(belongs);
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser().newContext();
  });
  afterAll(async () => {
    await context.close();
  });

  describe(name, () => {
    it("are there to check", () => {
      expect(pages.length).toBeGreaterThan(10);
    });

    it.each(pages)("%s", async (path) => {
      const { page, trouble } = await openWatched(context, siteUrl(path));
      try {
        expect(await axeViolations(page), "WCAG 2.2 A/AA violations").toEqual([]);
        expect(trouble, "what went wrong while the page loaded").toEqual({
          foreignRequests: [],
          cspViolations: [],
          consoleErrors: [],
          pageErrors: [],
          dialogs: [],
        });
        await page.setViewportSize({ width: 320, height: 640 });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, "width at 320 CSS pixels").toBeLessThanOrEqual(320);
      } finally {
        await page.close();
      }
    });
  });
}
