/**
 * <lang>/compare/choices.json: what the compare view's picker offers, every deployment and
 * product as [compare id, label], in the picker's order. The picker loads it when a reader first
 * reaches for it, so the page stays the same size however large the registry grows.
 */
import type { APIRoute } from "astro";
import { languages, type Lang } from "../../../i18n/index.ts";
import { getDeploymentIds, getDeployments, getProducts } from "../../../lib/site/astro-registry.ts";
import { productCompareId } from "../../../lib/site/compare-data.ts";
import type { CompareChoices } from "../../../lib/site/compare-selection.ts";
import { jsonResponse } from "../../api/v1/_documents.ts";

export function getStaticPaths() {
  return languages.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const collator = new Intl.Collator(lang);
  const deployments = [...(await getDeployments())].sort(
    (a, b) =>
      collator.compare(a.jurisdictionName[lang], b.jurisdictionName[lang]) ||
      collator.compare(a.displayName[lang], b.displayName[lang]),
  );
  const deploymentIds = await getDeploymentIds();
  const choices: CompareChoices = {
    deployments: deployments.map((d) => [d.id, `${d.displayName[lang]} (${d.jurisdictionName[lang]})`]),
    products: (await getProducts()).map((p) => [productCompareId(p.id, deploymentIds), p.name]),
  };
  return jsonResponse(choices);
};
