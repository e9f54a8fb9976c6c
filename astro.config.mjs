// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

export default defineConfig({
  // The public address; used for permalinks, social cards and feeds. Override with SITE_URL.
  site: process.env.SITE_URL ?? "https://behoerden-messenger.example.org",
  integrations: [mdx()],
  trailingSlash: "always",
  build: { format: "directory" },
});
