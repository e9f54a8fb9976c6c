/** <lang>/compare/entries/product/<id>.json: a product whose id a deployment has (compare id `product:<id>`). */
import type { APIRoute } from "astro";
import { languages } from "../../../../../i18n/index.ts";
import { getRegistryModel } from "../../../../../lib/site/astro-registry.ts";
import { compareEntries, type CompareEntry } from "../../../../../lib/site/compare-data.ts";

export async function getStaticPaths() {
  const model = await getRegistryModel();
  return languages.flatMap((lang) =>
    compareEntries(model, lang)
      .filter((entry) => entry.id.startsWith("product:"))
      .map((entry) => ({ params: { lang, id: entry.id.slice("product:".length) }, props: { entry } })),
  );
}

export const GET: APIRoute<{ entry: CompareEntry }> = ({ props }) =>
  new Response(JSON.stringify(props.entry), { headers: { "Content-Type": "application/json; charset=utf-8" } });
