/**
 * The sitemap: @astrojs/sitemap writes `sitemap-index.xml` and its parts (`sitemap-0.xml` …), each
 * page with its counterpart in the other language as an hreflang alternate. It lists every page of a language
 * that search engines may index; pages that say `noindex` (moved entries, the 404) stay out.
 * `src/pages/robots.txt.ts` points crawlers to the index. A preview build (no `site`) has no
 * sitemap: a sitemap lists absolute addresses, and a preview has none.
 */
import astroSitemap, { type SitemapItem } from "@astrojs/sitemap";
import type { AstroIntegration } from "astro";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { isPreview } from "../config.ts";
import { languages } from "../i18n/index.ts";

/**
 * The head of the HTML page in `file`, where a robots meta tag stands: its first 8 KB when the head
 * ends within them (reading only those took 0.4 s instead of 3 s for the 27,672 pages of 10,000
 * deployments), else the whole page.
 */
export function pageHead(file: URL): string {
  const start = Buffer.alloc(8192);
  const fd = openSync(file, "r");
  try {
    const text = start.toString("utf8", 0, readSync(fd, start, 0, start.length, 0));
    const end = text.indexOf("</head>");
    return end >= 0 ? text.slice(0, end) : readFileSync(file, "utf8");
  } finally {
    closeSync(fd);
  }
}

/** The sitemap integrations; none in a preview build, which has no `site` to write addresses with. */
export function sitemap(): AstroIntegration[] {
  let outDir: URL;
  let base = "/";
  // @astrojs/sitemap's filter sees only the address, so this reads the page Astro wrote there from
  // the output folder, which the build may move (`astro build --outDir`).
  const outputFolder: AstroIntegration = {
    name: "registry-sitemap-output-folder",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = config.outDir;
        base = `${config.base.replace(/\/+$/, "")}/`;
      },
    },
  };
  const listed = new Set<string>();
  const indexable = (page: string) => {
    const path = new URL(page).pathname.slice(base.length);
    // Endpoints (feeds, exports) have no trailing slash; every HTML page has one.
    if (!path.endsWith("/") || !languages.some((lang) => path.startsWith(`${lang}/`))) return false;
    if (pageHead(new URL(`${path}index.html`, outDir)).includes('name="robots" content="noindex"')) return false;
    listed.add(page);
    return true;
  };
  // A page's counterparts are the listed pages at the same path in the other languages
  // (@astrojs/sitemap filters every page before it serializes the first). Looked up here, not with
  // its i18n option: that compares each page with every other one, 4.3 s for the 27,672 pages of
  // 10,000 deployments, growing with the square of the pages.
  const withAlternates = (item: SitemapItem): SitemapItem => {
    const path = new URL(item.url).pathname.slice(base.length);
    // The address up to the language, as the page's own address spells it.
    const before = item.url.slice(0, item.url.length - path.length);
    const below = path.slice(path.indexOf("/"));
    const links = languages
      .map((lang) => ({ url: `${before}${lang}${below}`, lang }))
      .filter((link) => listed.has(link.url))
      .sort((a, b) => a.url.localeCompare(b.url, "en", { numeric: true }));
    return { ...item, links: links.length > 1 ? links : undefined };
  };
  if (isPreview) return [];
  return [
    outputFolder,
    astroSitemap({
      filter: indexable,
      serialize: withAlternates,
      namespaces: { news: false, image: false, video: false, xhtml: true },
      // A file per 10,000 pages (the default is 45,000), so no sitemap outgrows the size budget
      // of a page (BENCHMARKS.md): at 10,000 deployments one file of 27,672 pages was 8.9 MB, 360 KB gzipped.
      entryLimit: 10_000,
    }),
  ];
}
