// The Content-Security-Policy and Referrer-Policy in every built page: first in its head, before
// anything they govern, and enforced by Chromium (every-page-*.test.ts finds no violation on any page).
import { describe, expect, inject, it } from "vitest";
import { contentSecurityPolicyMeta, referrerPolicy } from "../../src/lib/site/security-policy.ts";
import { builtPages, builtText } from "./built-site.ts";
import { openWatched } from "./page-checks.ts";
import { siteUrl, useBrowser } from "./site.ts";

const browser = useBrowser();
const builtDir = inject("builtDir");

describe("the security policy", () => {
  it("comes first in every page's head, right after the character set", () => {
    const misplaced = builtPages(builtDir).filter((path) => {
      const head = /<head>(.*?)<\/head>/s.exec(builtText(builtDir, path))?.[1] ?? "";
      return !head.startsWith(
        `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyMeta}"><meta name="referrer" content="${referrerPolicy}">`,
      );
    });
    expect(misplaced).toEqual([]);
  });

  it("is enforced: script written into a page does not run, and the browser reports it", async () => {
    const context = await browser().newContext();
    const { page, trouble } = await openWatched(context, siteUrl("/de/"));
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
    expect(trouble.cspViolations.filter((text) => text.startsWith("script-src"))).toHaveLength(2);
    await context.close();
  });
});
