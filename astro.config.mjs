// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { sitemap } from "./src/integrations/sitemap.ts";

export default defineConfig({
  // The public address; used for permalinks, social cards, feeds and the sitemap. Set SITE_URL when deploying.
  site: process.env.SITE_URL ?? "https://behoerden-messenger.example.org",
  // The path below the domain, e.g. "/register" for a GitHub project page. Set BASE_PATH when deploying there.
  base: process.env.BASE_PATH || "/",
  integrations: [mdx(), sitemap()],
  trailingSlash: "always",
  build: { format: "directory" },
  // Scripts, styles and fonts go out as files, never inlined, so the Content-Security-Policy
  // (src/lib/site/security-policy.ts) can allow scripts from 'self' only, with no hashes.
  vite: { build: { assetsInlineLimit: 0 } },
});
