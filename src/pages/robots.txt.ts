/** robots.txt: every page may be crawled; names the sitemap index that @astrojs/sitemap writes (none in a preview). */
import type { APIRoute } from "astro";
import { assetUrl } from "../lib/site/urls.ts";

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n${site ? `Sitemap: ${new URL(assetUrl("sitemap-index.xml"), site).href}\n` : ""}`,
  );
