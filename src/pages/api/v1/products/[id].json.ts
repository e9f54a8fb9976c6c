/** api/v1/products/<id>.json: one product, exactly as an item of products.json. */
import type { APIRoute } from "astro";
import { productItem } from "../../../../lib/outputs/exports.ts";
import { getProducts, type ProductEntry } from "../../../../lib/site/astro-registry.ts";
import { exportContext, jsonResponse } from "../_documents.ts";

export async function getStaticPaths() {
  return (await getProducts()).map((product) => ({ params: { id: product.id }, props: { product } }));
}

export const GET: APIRoute<{ product: ProductEntry }> = async ({ props }) => {
  const { model, context } = await exportContext();
  return jsonResponse(productItem(model, props.product, context));
};
