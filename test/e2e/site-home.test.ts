// Where the site says it lives. The e2e build has no SITE_URL: a preview, which must say so on
// every page and never publish a made-up address. A second build with SITE_URL (and a base
// path, as on a GitHub project page) must use that address in every outward link.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runBuild } from "../../src/lib/build/build-steps.ts";
import { oneBuildAtATime } from "./one-build-at-a-time.ts";

/** Every text file of a built site, by its path inside the site. */
function textFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|xml|json|csv|txt|js|css|svg)$/.test(entry.name)) continue;
    if (entry.parentPath.includes("pagefind")) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path, "utf8"));
  }
  return files;
}

/** The ids of a collection's records in data/. */
const ids = (collection: string) => readdirSync(`data/${collection}`).map((name) => name.replace(/\.yaml$/, ""));

/** Addresses that exist nowhere: the old default domain and the placeholder repository. */
const placeholders = [/example\.org/, /behoerden-messenger\/register/];

describe("a preview build (no SITE_URL)", () => {
  const files = textFiles(inject("builtDir"));
  const pages = [...files].filter(([path]) => path.endsWith(".html"));

  it("contains no placeholder address in any page, feed, export, sitemap or script", () => {
    expect(files.size).toBeGreaterThan(200);
    for (const [path, text] of files) {
      for (const placeholder of placeholders) expect(text, `${path} matches ${placeholder}`).not.toMatch(placeholder);
    }
  });

  it("says it is a preview on every page, in the page's language", () => {
    expect(pages.length).toBeGreaterThan(100);
    for (const [path, html] of pages) {
      if (/^index\.html$|\/moved|^404/.test(path) || html.includes('http-equiv="refresh"')) continue;
      const lang = /<html lang="(de|en)"/.exec(html)?.[1];
      expect(html, path).toContain('class="preview-notice"');
      expect(html, path).toContain(lang === "en" ? "<strong>Preview:</strong>" : "<strong>Vorschau:</strong>");
    }
  });

  it("gives permalinks relative to the site's root in exports, feeds, citations and cards' links", () => {
    const deployments = JSON.parse(files.get("api/v1/deployments.json")!) as {
      deployments: { id: string; permalinks: { de: string; en: string } }[];
    };
    for (const { id, permalinks } of deployments.deployments) {
      expect(permalinks).toEqual({ de: `/de/deployments/${id}/`, en: `/en/deployments/${id}/` });
    }
    const feed = files.get("de/feed.xml")!;
    expect(feed).toMatch(/<id>urn:x-registry-preview:\/de\/feed\.xml<\/id>/);
    expect(feed).not.toMatch(/https?:\/\/[^"<]*\/de\/deployments\//);
    const entry = files.get("de/deployments/de-bund-wire/index.html")!;
    expect(entry).toContain('<link rel="canonical" href="/de/deployments/de-bund-wire/"');
    expect(entry).toContain('<meta property="og:image" content="/og/de/deployments/de-bund-wire.png"');
    expect(entry).not.toContain('property="og:url"');
    expect(entry).toMatch(/\/de\/deployments\/de-bund-wire\/ \(Vorschau, keine öffentliche Adresse\)/);
    expect(files.get("robots.txt")).not.toContain("Sitemap:");
    expect(files.has("sitemap-index.xml")).toBe(false);
  });
});

describe("a build with SITE_URL and BASE_PATH", () => {
  const siteUrl = "https://messenger-register.test/registry";
  let dir: string;
  let files: Map<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "registry-published-"));
    const env = { SITE_URL: siteUrl, BASE_PATH: "/registry" };
    // The pages, feeds and exports are what carry addresses; cards and the search index do not.
    const carryAddresses = ["validate", "astro build", "record files", "place files"];
    await oneBuildAtATime(() => runBuild(dir, { echo: false, env, only: carryAddresses }));
    files = textFiles(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("uses the site address in canonical links, og:url and og:image, with no preview notice", () => {
    const entry = files.get("en/deployments/fr-tchap/index.html")!;
    expect(entry).toContain(`<link rel="canonical" href="${siteUrl}/en/deployments/fr-tchap/"`);
    expect(entry).toContain(`<meta property="og:url" content="${siteUrl}/en/deployments/fr-tchap/"`);
    expect(entry).toContain(`<meta property="og:image" content="${siteUrl}/og/en/deployments/fr-tchap.png"`);
    expect(entry).toContain(`${siteUrl}/en/deployments/fr-tchap/`);
    expect(entry).not.toContain(`class="preview-notice"`);
  });

  it("uses it in every export permalink and the feeds", () => {
    for (const collection of ["deployments", "products", "positions"]) {
      const document = JSON.parse(files.get(`api/v1/${collection}.json`)!) as Record<
        string,
        { id: string; permalinks: { de: string; en: string } }[]
      >;
      for (const { id, permalinks } of document[collection]!) {
        expect(permalinks.de).toBe(`${siteUrl}/de/${collection}/${id}/`);
        expect(permalinks.en).toBe(`${siteUrl}/en/${collection}/${id}/`);
      }
    }
    // Each record's own item (written after Astro, by the record files step) says the same.
    for (const collection of ["deployments", "products", "positions"]) {
      for (const id of ids(collection)) {
        const item = JSON.parse(files.get(`api/v1/${collection}/${id}.json`)!) as { permalinks: { en: string } };
        expect(item.permalinks.en).toBe(`${siteUrl}/en/${collection}/${id}/`);
      }
    }
    const csv = files.get("api/v1/deployments.csv")!;
    expect(csv).toContain(`,${siteUrl}/de/deployments/fr-tchap/,${siteUrl}/en/deployments/fr-tchap/,`);
    expect(files.get("en/feed.xml")).toContain(`<id>${siteUrl}/en/feed.xml</id>`);
  });

  it("has a sitemap, named in robots.txt, with every entry page in both languages and its counterpart", () => {
    const robots = files.get("robots.txt")!;
    const indexUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(indexUrl).toBe(`${siteUrl}/sitemap-index.xml`);
    const parts = [...files.get("sitemap-index.xml")!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(parts.length).toBeGreaterThan(0);
    const xml = parts.map((part) => files.get(part.slice(`${siteUrl}/`.length))!).join("");
    for (const id of ids("deployments")) {
      for (const lang of ["de", "en"])
        expect(xml, `${lang} ${id}`).toContain(`<loc>${siteUrl}/${lang}/deployments/${id}/</loc>`);
    }
    const entry = /<url>\s*<loc>[^<]*\/de\/deployments\/([^/]+)\/<\/loc>(.*?)<\/url>/gs;
    const alternates = new Map([...xml.matchAll(entry)].map((match) => [match[1]!, match[2]!]));
    for (const id of ids("deployments")) {
      for (const lang of ["de", "en"]) {
        expect(alternates.get(id), id).toContain(`hreflang="${lang}" href="${siteUrl}/${lang}/deployments/${id}/"`);
      }
    }
  });

  it("has no placeholder address and no preview address anywhere", () => {
    for (const [path, text] of files) {
      for (const placeholder of [...placeholders, /urn:x-registry-preview/]) {
        expect(text, `${path} matches ${placeholder}`).not.toMatch(placeholder);
      }
    }
  });
});
