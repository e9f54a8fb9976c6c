/** robots.txt: every page may be crawled; names the sitemap index that @astrojs/sitemap writes. */
import type { APIRoute } from "astro";
import { assetUrl } from "../lib/site/urls.ts";

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${new URL(assetUrl("sitemap-index.xml"), site).href}\n`);
