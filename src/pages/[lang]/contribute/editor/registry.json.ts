/**
 * <lang>/contribute/editor/registry.json: every record's id and name (in the page's language) for
 * the editor's reference pickers, and what the registry rules check a new record against. The
 * editor's script loads it; in the page itself it would make the page grow with the registry.
 */
import type { APIRoute } from "astro";
import { languages, type Lang } from "../../../../i18n/index.ts";
import { getDeployments, getPositions, getProducts } from "../../../../lib/site/astro-registry.ts";
import { knownRecordOf } from "../../../../lib/validation/validate-file.ts";
import type { EditorRegistry } from "./_record-editor.ts";
import { jsonResponse } from "../../../api/v1/_documents.ts";

export function getStaticPaths() {
  return languages.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const [deployments, products, positions] = await Promise.all([getDeployments(), getProducts(), getPositions()]);
  const registry: EditorRegistry = {
    records: {
      deployments: deployments.map((entry) => ({ id: entry.id, name: entry.displayName[lang] })),
      products: products.map((entry) => ({ id: entry.id, name: entry.name })),
      positions: positions.map((entry) => ({
        id: entry.id,
        name:
          typeof entry.title === "string"
            ? entry.title
            : (entry.title[lang] ?? entry.title.de ?? entry.title.en ?? entry.id),
      })),
    },
    known: [
      ...deployments.map((entry) => knownRecordOf("deployments", entry.id, entry.record)),
      ...products.map((entry) => knownRecordOf("products", entry.id, entry.record)),
      ...positions.map((entry) => knownRecordOf("positions", entry.id, entry.record)),
    ],
  };
  return jsonResponse(registry);
};
