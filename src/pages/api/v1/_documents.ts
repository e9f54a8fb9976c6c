/** Shared by the api/v1 endpoints: the registry model and the build's context. */
import { getRegistryModel } from "../../../lib/site/astro-registry.ts";
import { siteHome } from "../../../config.ts";
import { exportJson, type ExportContext } from "../../../lib/outputs/exports.ts";

const generated = new Date();

/** The model, the site's address (none in a preview) and the generation time every export states. */
export async function exportContext() {
  const context: ExportContext = { siteUrl: siteHome.siteUrl, generated };
  return { model: await getRegistryModel(), context };
}

/** A JSON response, compact as every export (`exportJson`). */
export function jsonResponse(document: unknown): Response {
  return new Response(exportJson(document), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
