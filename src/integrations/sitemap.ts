/**
 * Writes sitemap.xml and robots.txt after the build, from the pages Astro actually built:
 * every indexable HTML page, each with its counterpart in the other language. A preview build
 * (no `site`) lists paths relative to the root and names no sitemap in robots.txt.
 */
import type { AstroIntegration } from "astro";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const address = (path: string, site: URL | undefined) => (site ? new URL(path, site).href : path);

/** The sitemap integration. */
export function sitemap(): AstroIntegration {
  let site: URL | undefined;
  let base = "/";
  return {
    name: "registry-sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = `${config.base.replace(/\/+$/, "")}/`;
      },
      "astro:build:done": async ({ dir, pages }) => {
        const root = fileURLToPath(dir);
        const paths: string[] = [];
        for (const { pathname } of pages) {
          if (!/^(de|en)\//.test(pathname) || /\.\w+$/.test(pathname)) continue;
          const html = await readFile(join(root, pathname, "index.html"), "utf8").catch(() => "");
          if (!html || html.includes('name="robots" content="noindex"')) continue;
          paths.push(`${base}${pathname}`);
        }
        const known = new Set(paths);
        const urls = paths.sort().map((path) => {
          const alternates = ["de", "en"]
            .map((lang) => `${base}${lang}/${path.slice(base.length + 3)}`)
            .filter((alternate) => known.has(alternate))
            .map(
              (alternate) =>
                `    <xhtml:link rel="alternate" hreflang="${alternate.slice(base.length, base.length + 2)}" href="${escape(address(alternate, site))}"/>`,
            );
          return `  <url>\n    <loc>${escape(address(path, site))}</loc>\n${alternates.join("\n")}\n  </url>`;
        });
        await writeFile(
          join(root, "sitemap.xml"),
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`,
        );
        await writeFile(
          join(root, "robots.txt"),
          `User-agent: *\nAllow: /\n${site ? `Sitemap: ${new URL(`${base}sitemap.xml`, site).href}\n` : ""}`,
        );
      },
    },
  };
}
