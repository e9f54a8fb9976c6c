// Every page the build wrote, in both languages, opened in Chromium: it meets WCAG 2.2 A/AA
// (axe-core), its Content-Security-Policy is in force and nothing violates it, it asks no other
// origin for anything, and it logs no error. The pages come from the build output, not a list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { BrowserContext } from "playwright-core";
import { builtHtml, builtPages } from "./built-site.ts";
import { axeViolations, openWatched } from "./page-checks.ts";
import { siteUrl, useBrowser } from "./site.ts";

const browser = useBrowser();
const builtDir = inject("builtDir");
const pages = builtPages(builtDir);

let context: BrowserContext;
beforeAll(async () => {
  context = await browser().newContext();
});
afterAll(async () => {
  await context.close();
});

describe("the build", () => {
  it("has the pages of both languages", () => {
    expect(pages.filter((path) => path.startsWith("/de/")).length).toBeGreaterThan(10);
    expect(pages.filter((path) => path.startsWith("/en/")).length).toBe(
      pages.filter((path) => path.startsWith("/de/")).length,
    );
  });

  it("puts the security policy first in every page's head, before anything it governs", () => {
    for (const path of pages) {
      const head = /<head>(.*?)<\/head>/s.exec(builtHtml(builtDir, path))?.[1] ?? "";
      expect(head, path).toMatch(/^<meta charset="utf-8"\s*\/?><meta http-equiv="Content-Security-Policy" content="[^"]+"/);
      expect(head, path).toContain('<meta name="referrer" content="strict-origin-when-cross-origin"');
    }
  });

  it("enforces the policy: script written into a page does not run, and the browser reports it", async () => {
    const { page, trouble } = await openWatched(context, siteUrl("/de/"));
    try {
      const ran = await page.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "document.body.dataset.injected = 'ran'";
        document.body.append(script);
        const image = document.createElement("img");
        image.setAttribute("src", "/favicon.svg");
        image.setAttribute("onload", "document.body.dataset.injected = 'ran'");
        document.body.append(image);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return document.body.dataset.injected ?? "blocked";
      });
      expect(ran).toBe("blocked");
      expect(trouble.cspViolations.filter((text) => text.startsWith("script-src")).length).toBe(2);
    } finally {
      await page.close();
    }
  });
});

describe.concurrent("every page", () => {
  it.each(pages)("%s", { timeout: 120_000 }, async (path) => {
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
    } finally {
      await page.close();
    }
  });
});
