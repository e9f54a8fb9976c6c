// The benchmark's page weights: a page counts with the stylesheets and scripts it loads, never the search index or cards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { pageWeight, siteWeights } from "../../scripts/bench/site-weights.ts";

const site = mkdtempSync(join(tmpdir(), "bench-site-test-"));
afterAll(() => rmSync(site, { recursive: true, force: true }));

const files: Record<string, string> = {
  "de/table/index.html": `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="/favicon.svg"><meta property="og:image" content="/og/de/table.png"></head><body><table>${"<tr><td>Polizei</td></tr>".repeat(200)}</table><script type="module" src="/_astro/table.js"></script><script type="module">import("/pagefind/pagefind.js")</script></body></html>`,
  "de/deployments/a/index.html": `<html><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${"x".repeat(3000)}</body></html>`,
  "de/feed.xml": `<feed>${"<entry/>".repeat(50)}</feed>`,
  "_astro/site.css": `@import "/_astro/print.css";body{margin:0}`,
  "_astro/print.css": `@media print{nav{display:none}}@font-face{font-family:X;src:url(/_astro/x.woff2) format("woff2"),url(/_astro/x.woff) format("woff")}`,
  "_astro/x.woff2": "w2".repeat(500),
  "_astro/x.woff": "w1".repeat(800),
  "_astro/table.js": `import { sort } from "./sort.js"; sort();`,
  "_astro/sort.js": `export function sort() { return 1; }`,
  "favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg"/>`,
  "pagefind/pagefind.js": "x".repeat(50_000),
  "og/de/table.png": "png".repeat(10_000),
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
}

describe("page weight", () => {
  it("adds the stylesheets (with their imports and the first format of each font), scripts (with their imports) and icon a page loads", () => {
    const weight = pageWeight(site, "/de/table/")!;
    expect(weight.assets).toEqual([
      "/_astro/print.css",
      "/_astro/site.css",
      "/_astro/sort.js",
      "/_astro/table.js",
      "/_astro/x.woff2",
      "/favicon.svg",
    ]);
    const gzip = (path: string) => gzipSync(files[path]!).length;
    expect(weight.html.raw).toBe(Buffer.byteLength(files["de/table/index.html"]!));
    expect(weight.withAssets.gzip).toBe(
      [
        "de/table/index.html",
        "_astro/print.css",
        "_astro/site.css",
        "_astro/sort.js",
        "_astro/table.js",
        "_astro/x.woff2",
        "favicon.svg",
      ]
        .map(gzip)
        .reduce((a, b) => a + b),
    );
  });

  it("finds the largest page and feed, and splits the site's bytes into its parts", () => {
    const weights = siteWeights(site, { table: "/de/table/", missing: "/de/nothing/" });
    expect(weights.htmlPages).toBe(2);
    expect(weights.pages.missing).toBeUndefined();
    expect(weights.largestEntryPage.path).toBe("/de/deployments/a/index.html");
    expect(weights.largestFeed.path).toBe("/de/feed.xml");
    expect(weights.parts["search index"]).toBe(50_000);
    expect(weights.parts.cards).toBe(30_000);
  });
});
