/** Shared by the api/v1 endpoints: the registry model and the build's context. */
import { getRegistryModel } from "../../../lib/site/astro-registry.ts";

const generated = new Date();

/** The model, the site URL and the generation time every export states. */
export async function exportContext(site: URL | undefined) {
  if (!site) throw new Error("astro.config.mjs must set `site` for absolute permalinks");
  return { model: await getRegistryModel(), context: { site, generated } };
}

/** A JSON response with stable formatting. */
export function jsonResponse(document: unknown): Response {
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
