/** api/v1/products.json: every product, normalized, with derived values. */
import type { APIRoute } from "astro";
import { productsDocument } from "../../../lib/outputs/exports.ts";
import { exportContext, jsonResponse } from "./_documents.ts";

export const GET: APIRoute = async () => {
  const { model, context } = await exportContext();
  return jsonResponse(productsDocument(model, context));
};
