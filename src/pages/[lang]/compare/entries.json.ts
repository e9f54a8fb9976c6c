/** <lang>/compare/entries.json: every deployment and product in words, for the compare view's script. */
import type { APIRoute } from "astro";
import { languages, type Lang } from "../../../i18n/index.ts";
import { getRegistryModel } from "../../../lib/site/astro-registry.ts";
import { compareData } from "../../../lib/site/compare-data.ts";

export function getStaticPaths() {
  return languages.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(compareData(await getRegistryModel(), params.lang as Lang)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
