/**
 * What a built site weighs: the whole output folder and its parts, chosen pages with the
 * stylesheets, scripts and icons they load (raw and gzipped), the largest page and feed, and the
 * bytes the search page fetches from Pagefind's index for one query in a real browser.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { t, type Lang } from "../../src/i18n/index.ts";
import { basePath } from "../../src/lib/site/urls.ts";
import { filesBelow, isBelow, siteSize, type SiteKinds, type SiteParts } from "../../src/lib/build/site-size.ts";
import { launchBrowser } from "../../test/e2e/browser.ts";
import { serveStatic } from "../../test/e2e/static-server.ts";

/** Raw and gzipped bytes. */
export type Bytes = { raw: number; gzip: number };

/** One page and everything it loads (social cards and the search index excluded). */
export type PageWeight = { path: string; html: Bytes; withAssets: Bytes; assets: string[] };

/** The bytes one search query fetches from the index, and how many results the page reported. */
export type QueryWeight = { query: string; requests: number; bytes: number; results: number };

/** Everything measured in one built site. */
export type SiteWeights = {
  htmlPages: number;
  totalBytes: number;
  /** Bytes below each top-level part: HTML pages, og/ (cards), pagefind/, api/, the rest. */
  parts: SiteParts;
  /** The same bytes by what the files are: entry pages, cards of deployments, the compare view's files, … */
  kinds: SiteKinds;
  pages: Record<string, PageWeight | undefined>;
  largestPage: { path: string; gzip: number };
  largestEntryPage: { path: string; gzip: number };
  largestFeed: { path: string; gzip: number };
  scriptsGzip: number;
  stylesGzip: number;
  searchIndexBytes: number;
  query?: QueryWeight;
};

// Level 6, what web servers use by default.
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

/** The file in `siteDir` that a site URL path is served from. */
function fileOf(siteDir: string, urlPath: string): string {
  const inSite = urlPath.startsWith(basePath) ? urlPath.slice(basePath.length) : urlPath.replace(/^\//, "");
  const file = join(siteDir, decodeURIComponent(inSite.split(/[?#]/)[0]!));
  return urlPath.endsWith("/") ? join(file, "index.html") : file;
}

/** Every file a page loads by itself: stylesheets, scripts (and the modules they import), preloads, icons, images. */
function assetsOf(siteDir: string, pagePath: string, html: string): string[] {
  const found = new Set<string>();
  const visit = (reference: string, from: string) => {
    if (/^(https?:|data:|#)/.test(reference)) return;
    const url = new URL(reference, new URL(from, "http://site.invalid")).pathname;
    if (url.startsWith(`${basePath}pagefind/`) || url.startsWith(`${basePath}og/`) || found.has(url)) return;
    const file = fileOf(siteDir, url);
    if (!existsSync(file) || !statSync(file).isFile()) return;
    found.add(url);
    const text = readFileSync(file, "utf8");
    if (url.endsWith(".js")) {
      for (const match of text.matchAll(/\bimport\s*(?:[\w*${}\s,]+from\s*)?\(?\s*["'`]([^"'`]+)["'`]/g))
        visit(match[1]!, url);
    } else if (url.endsWith(".css")) {
      // A font's `src` lists formats to choose from (woff2, then woff); a browser loads the first it reads.
      const chosen = text.replace(/\bsrc:\s*([^;}]+)/g, (declaration, list: string) => {
        const first = /url\([^)]*\)/.exec(list);
        return first ? `src: ${first[0]}` : declaration;
      });
      for (const match of chosen.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g)) {
        visit((match[1] ?? match[2])!, url);
      }
    }
  };
  for (const tag of html.matchAll(/<(link|script|img)\b[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag[0])?.[1];
    const rel = attribute("rel") ?? "";
    if (tag[1] === "link" && !/\b(stylesheet|modulepreload|preload|icon)\b/.test(rel)) continue;
    const reference = tag[1] === "link" ? attribute("href") : attribute("src");
    if (reference) visit(reference, pagePath);
  }
  // Inline module scripts can import files too.
  for (const script of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    for (const match of script[1]!.matchAll(/\bimport\s*(?:[\w*${}\s,]+from\s*)?\(?\s*["'`]([^"'`]+\.js)["'`]/g)) {
      visit(match[1]!, pagePath);
    }
  }
  return [...found].sort();
}

/** The weight of the page at `pagePath` (a URL path such as /de/table/), or undefined if it was not built. */
export function pageWeight(siteDir: string, pagePath: string): PageWeight | undefined {
  const file = fileOf(siteDir, pagePath);
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  const html = { raw: bytes.length, gzip: gzipped(bytes) };
  const assets = assetsOf(siteDir, pagePath, bytes.toString("utf8"));
  const withAssets = { ...html };
  for (const asset of assets) {
    const assetBytes = readFileSync(fileOf(siteDir, asset));
    withAssets.raw += assetBytes.length;
    withAssets.gzip += gzipped(assetBytes);
  }
  return { path: pagePath, html, withAssets, assets };
}

/** The largest by gzipped size among `files`, gzipping only the `candidates` largest raw ones (gzip ratios vary little). */
function largestGzipped(siteDir: string, files: string[], candidates = 40): { path: string; gzip: number } {
  const sized = files.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size);
  let best = { path: "", gzip: 0 };
  for (const { file } of sized.slice(0, candidates)) {
    const gzip = gzipped(readFileSync(file));
    if (gzip > best.gzip) best = { path: `/${file.slice(siteDir.length + 1)}`, gzip };
  }
  return best;
}

/** Measures the built site in `siteDir`; `pages` names the pages to weigh, by label. */
export function siteWeights(siteDir: string, pages: Record<string, string>): SiteWeights {
  const files = filesBelow(siteDir);
  const html = files.filter((file) => file.endsWith(".html"));
  const { totalBytes, parts, kinds } = siteSize(siteDir, files);
  const assets = files.filter((file) => !isBelow(siteDir, "pagefind")(file));
  const gzipSum = (list: string[]) => list.reduce((sum, file) => sum + gzipped(readFileSync(file)), 0);
  return {
    htmlPages: html.length,
    totalBytes,
    parts,
    kinds,
    pages: Object.fromEntries(Object.entries(pages).map(([label, path]) => [label, pageWeight(siteDir, path)])),
    largestPage: largestGzipped(siteDir, html),
    largestEntryPage: largestGzipped(
      siteDir,
      html.filter((file) => /\/deployments\/[^/]+\/index\.html$/.test(file)),
    ),
    largestFeed: largestGzipped(
      siteDir,
      files.filter((file) => file.endsWith(".xml")),
    ),
    scriptsGzip: gzipSum(assets.filter((file) => file.endsWith(".js"))),
    stylesGzip: gzipSum(assets.filter((file) => file.endsWith(".css"))),
    searchIndexBytes: parts["search index"],
  };
}

/**
 * Serves the site, opens its search page for `query` in Chromium and adds up the bytes of every
 * file fetched from the index until the results are listed.
 */
export async function queryWeight(
  siteDir: string,
  lang: Lang,
  searchPath: string,
  query: string,
): Promise<QueryWeight> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let requests = 0;
    let bytes = 0;
    page.on("response", async (response) => {
      if (!new URL(response.url()).pathname.startsWith(`${basePath}pagefind/`)) return;
      requests += 1;
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${server.url}${searchPath}?${new URLSearchParams({ q: query })}`);
    const dictionary = t(lang).search;
    const answered = [dictionary.noResults, dictionary.results.replace("{count}", "")].map((text) => text.trim());
    await page.waitForFunction(
      (texts) => texts.some((text) => (document.querySelector("#search-status")?.textContent ?? "").includes(text)),
      answered,
      { timeout: 120_000 },
    );
    await page.waitForLoadState("networkidle");
    const status = (await page.locator("#search-status").textContent()) ?? "";
    const results = Number(/\d[\d.,]*/.exec(status)?.[0].replace(/[.,]/g, "") ?? 0);
    return { query, requests, bytes, results };
  } finally {
    await browser.close();
    await server.close();
  }
}
