/** api/v1/positions.json: every recommendation and ruling, normalized. */
import type { APIRoute } from "astro";
import { positionsDocument } from "../../../lib/outputs/exports.ts";
import { exportContext, jsonResponse } from "./_documents.ts";

export const GET: APIRoute = async ({ site }) => {
  const { model, context } = await exportContext(site);
  return jsonResponse(positionsDocument(model, context));
};
