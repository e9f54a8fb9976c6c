// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { sitemap } from "./src/integrations/sitemap.ts";
import { previewNotice } from "./src/integrations/preview-notice.ts";
import { recordFilesInDev } from "./src/integrations/record-files.ts";
import { siteHome } from "./src/config.ts";

export default defineConfig({
  // The public address (SITE_URL, read in src/config.ts); without it the build is a preview.
  site: siteHome.siteUrl,
  // The path below the domain, e.g. "/register" for a GitHub project page (BASE_PATH).
  base: siteHome.basePath,
  integrations: [mdx(), sitemap(), previewNotice(), recordFilesInDev()],
  trailingSlash: "always",
  // Pages render 16 at a time, so one page's file writes overlap the next one's rendering (Astro's
  // default is one at a time): at 10,000 records the astro step took 162-174 s at 1 and 122 s at 16
  // here, with the same memory and byte-identical pages.
  build: { format: "directory", concurrency: 16 },
  // Scripts, styles and fonts go out as files, never inlined, so the Content-Security-Policy
  // (src/lib/site/security-policy.ts) can allow scripts from 'self' only, with no hashes.
  vite: { build: { assetsInlineLimit: 0 } },
});
