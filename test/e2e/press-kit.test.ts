// What a journalist takes from an entry page: a link to each fact and source, a citation that
// says when it was read and which version it cites, copy buttons that copy it, a short
// description, a card for every page, and a badge to embed, all checked in the served site.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { e2eRepositoryUrl } from "./global-setup.ts";
import { headline, languages, open, records, siteUrl, useBrowser } from "./site.ts";
import { t } from "../../src/i18n/index.ts";

const browser = useBrowser();
const html = async (path: string) => {
  const response = await fetch(siteUrl(path));
  expect(response.status, path).toBe(200);
  return response.text();
};
/** The anchor a reader links to for a field: as the key-fact table writes it, e.g. `licences-client`. */
const anchorOf = (field: string) => field.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const stated = ["protocol", "licences.client", "licences.server", "architecture", "federation"];

describe("anchors", () => {
  for (const lang of languages) {
    it(`(${lang}) every key fact and source of every entry has an anchor with a copy-link control`, async () => {
      for (const deployment of records.deployments) {
        const page = await html(`/${lang}/deployments/${deployment.id}/`);
        const fields = [...stated, ...["topology", "interoperability", "reach"], "freeSoftware"];
        for (const field of fields) {
          const anchor = anchorOf(field);
          expect(page, `${deployment.id} ${field}`).toContain(`data-field="${field}" id="${anchor}"`);
          expect(page, `${deployment.id} ${field}`).toMatch(
            new RegExp(`class="copy-link" href="#${anchor}" aria-label="`),
          );
        }
        for (const source of deployment.data.sources) {
          expect(page).toContain(`<li id="source-${source.id}"`);
          expect(page).toMatch(new RegExp(`class="copy-link" href="#source-${source.id}" aria-label="`));
        }
        const description = /<meta name="description" content="([^"]*)"/.exec(page)?.[1] ?? "";
        expect(description.replace(/&[a-z#0-9]+;/g, "x").length, deployment.id).toBeLessThanOrEqual(160);
        for (const [, attributes, body] of page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
          if (attributes!.includes("application/ld+json")) continue;
          expect(attributes, `${deployment.id}: scripts are files`).toMatch(/ src="/);
          expect(body!.trim()).toBe("");
        }
      }
    });
  }

  it("copies a fact's full address, and the citation, BibTeX and CSL-JSON, with the reader's date", async () => {
    const context = await browser().newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date("2031-02-03T12:00:00"));
    const path = "/en/deployments/fr-tchap/";
    await open(page, path);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.locator("#federation a.copy-link").focus();
    await page.keyboard.press("Enter");
    await expect.poll(clipboard).toBe(`${siteUrl(path)}#federation`);
    await expect.poll(() => page.locator("#press-kit-status").textContent()).toBe("Link copied");
    await expect.poll(() => page.locator("#citation-text").textContent()).toContain("(accessed 2031-02-03)");
    await page.getByRole("button", { name: "Copy citation" }).click();
    expect(await clipboard()).toContain("(accessed 2031-02-03)");
    await page.getByRole("button", { name: "Copy BibTeX" }).click();
    expect(await clipboard()).toMatch(/^@misc\{registry-fr-tchap,[\s\S]*urldate = \{2031-02-03\}/);
    await page.getByRole("button", { name: "Copy CSL-JSON" }).click();
    expect(JSON.parse(await clipboard())).toMatchObject({
      id: "registry-fr-tchap",
      accessed: { "date-parts": [[2031, 2, 3]] },
    });
    await context.close();
  });

  it("cites the version of the record: its file at the commit of its last change, on the forge", async () => {
    const lastCommit = execFileSync(
      "git",
      ["log", "-1", "--first-parent", "--format=%H", "--", "data/deployments/fr-tchap.yaml"],
      {
        encoding: "utf8",
      },
    ).trim();
    const shallow =
      execFileSync("git", ["rev-parse", "--is-shallow-repository"], { encoding: "utf8" }).trim() === "true";
    const page = await html("/de/deployments/fr-tchap/");
    const citation = /<p class="citation" id="citation-text"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? "";
    expect(citation).toMatch(/\(abgerufen am \d{4}-\d{2}-\d{2}\)/);
    if (!shallow) expect(citation).toContain(`${e2eRepositoryUrl}/blob/${lastCommit}/data/deployments/fr-tchap.yaml`);
  });
});

describe("social cards", () => {
  it("every page names a card that exists, and record, country and main pages have their own", () => {
    const dir = inject("builtDir");
    const pages = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile() && entry.name === "index.html",
    );
    let own = 0;
    for (const entry of pages) {
      const page = readFileSync(join(entry.parentPath, entry.name), "utf8");
      const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
      if (!image) continue;
      expect(existsSync(join(dir, image)), `${entry.parentPath}: ${image}`).toBe(true);
      const path = entry.parentPath.slice(dir.length).replace(/^\//, "");
      if (/^(de|en)\/(deployments|products|positions|countries)\/[a-z0-9-]+$/.test(path)) {
        expect(image, path).toBe(`/og/${path}.png`);
        own += 1;
      }
    }
    expect(own).toBeGreaterThan(2 * records.deployments.length);
    for (const page of ["table", "overview", "products", "positions", "countries", "api"]) {
      expect(readFileSync(join(dir, `de/${page}/index.html`), "utf8")).toContain(`content="/og/de/${page}.png"`);
    }
  });
});

describe("badges", () => {
  for (const lang of languages) {
    it(`(${lang}) every deployment has an SVG badge with its federation in words and a snippet to embed it`, async () => {
      const dict = t(lang);
      for (const deployment of records.deployments) {
        const response = await fetch(siteUrl(`/badges/${lang}/${deployment.id}.svg`));
        expect(response.status, deployment.id).toBe(200);
        expect(response.headers.get("content-type")).toContain("image/svg+xml");
        const svg = await response.text();
        const title = /<title>([^<]+)<\/title>/.exec(svg)?.[1] ?? "";
        expect(svg).toContain('role="img"');
        const value = headline(deployment.data.federation, "unknown");
        const expected =
          value === "disputed"
            ? dict.disputed
            : dict.label.federationStatus[value === "presumed-disabled" ? "disabled" : value];
        expect(title, deployment.id).toContain(`${dict.field.federation}: ${expected}`);
        if (
          deployment.data.federation.every((claim) => claim.confidence === "presumed") ||
          value === "presumed-disabled"
        ) {
          expect(title).toContain(dict.press.badge.certainty.presumed);
        }
        const page = await html(`/${lang}/deployments/${deployment.id}/`);
        const snippet =
          /<code id="badge-snippet">([^<]*)<\/code>/
            .exec(page)?.[1]
            ?.replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, "&") ?? "";
        expect(snippet).toContain(`<a href="/${lang}/deployments/${deployment.id}/">`);
        expect(snippet).toContain(`src="/badges/${lang}/${deployment.id}.svg"`);
        expect(snippet).toContain(`alt="${title.replace(/&amp;/g, "&")}"`);
      }
    });
  }
});
