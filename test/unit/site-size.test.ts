// The publish workflow's size check: what a built site weighs by part, and the verdict against the host's limit.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { siteSize } from "../../src/lib/build/site-size.ts";

const site = mkdtempSync(join(tmpdir(), "site-size-test-"));
afterAll(() => rmSync(site, { recursive: true, force: true }));

// 100,000 bytes in all: 40,000 of pages, 30,000 of cards, 20,000 of exports, 5,000 of search index, 5,000 else.
const files: Record<string, number> = {
  "index.html": 6_000,
  "de/deployments/a/index.html": 30_000,
  "en/products/p/index.html": 4_000,
  "og/de/deployments/a.png": 25_000,
  "og/en/products/p.png": 5_000,
  "api/v1/deployments.json": 20_000,
  "pagefind/de/pagefind.js": 5_000,
  "de/compare/entries/a.json": 1_000,
  "contribute/editor/records/deployments/a.yaml": 1_000,
  "_astro/site.css": 1_000,
  "badges/de/a.svg": 2_000,
};
for (const [path, bytes] of Object.entries(files)) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), "x".repeat(bytes));
}

function siteSizeCli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/site-size.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, GITHUB_ACTIONS: "true" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("site size", () => {
  it("splits the site's bytes into pages, cards, search index, exports and the rest, and by what the files are", () => {
    expect(siteSize(site)).toEqual({
      totalBytes: 100_000,
      parts: { html: 40_000, cards: 30_000, "search index": 5_000, exports: 20_000, other: 5_000 },
      kinds: {
        "deployment pages": 30_000,
        "product and position pages": 4_000,
        "other pages": 6_000,
        "deployment cards": 25_000,
        "other cards": 5_000,
        "search index": 5_000,
        "API exports": 20_000,
        "compare view's entry files": 1_000,
        "record files for the editor": 1_000,
        badges: 2_000,
        "the rest": 1_000,
      },
    });
  });

  it("passes a site well under the limit without a warning", () => {
    const { code, stdout } = siteSizeCli(site, "--limit-mb", "1");
    expect(code).toBe(0);
    expect(stdout).toContain("0.1 MB, 10.0% of the limit of 1.0 MB");
    expect(stdout).not.toContain("::");
  });

  it("warns from 80% of the limit on, naming the largest part, and still passes", () => {
    const { code, stdout } = siteSizeCli(site, "--limit-mb", "0.12");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^::warning::the site is 0\.1 MB, 83% of the host's limit .*largest part is html/m);
  });

  it("fails a site over the limit with an error annotation", () => {
    const { code, stdout } = siteSizeCli(site, "--limit-mb", "0.09");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error::the site is 0\.1 MB, over the host's limit of 0\.1 MB/m);
  });

  it("refuses a missing site folder or a limit that is not a number", () => {
    expect(siteSizeCli(join(site, "nothing")).code).toBe(2);
    const { code, stderr } = siteSizeCli(site, "--limit-mb", "lots");
    expect(code).toBe(2);
    expect(stderr).toContain('not "lots"');
  });
});
