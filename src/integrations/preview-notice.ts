/** Warns loudly when the site is built without a public address (see `isPreview` in src/config.ts). */
import type { AstroIntegration } from "astro";
import { isPreview, previewWarning } from "../config.ts";

/** The integration: one warning at the start of a preview build. */
export function previewNotice(): AstroIntegration {
  return {
    name: "registry-preview-notice",
    hooks: {
      "astro:build:start": ({ logger }) => {
        if (isPreview) logger.warn(previewWarning);
      },
    },
  };
}
