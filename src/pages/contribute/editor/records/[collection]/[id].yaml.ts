/** contribute/editor/records/<collection>/<id>.yaml: each record's file exactly as it is in data/, for the editor to open. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRoute } from "astro";
import { registryDataDir } from "../../../../../config.ts";
import { getDeployments, getPositions, getProducts } from "../../../../../lib/site/astro-registry.ts";

export async function getStaticPaths() {
  const [deployments, products, positions] = await Promise.all([getDeployments(), getProducts(), getPositions()]);
  return [
    ...deployments.map(({ id }) => ({ params: { collection: "deployments", id } })),
    ...products.map(({ id }) => ({ params: { collection: "products", id } })),
    ...positions.map(({ id }) => ({ params: { collection: "positions", id } })),
  ];
}

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(registryDataDir, params.collection!, `${params.id!}.yaml`)), {
    headers: { "Content-Type": "text/yaml; charset=utf-8" },
  });
