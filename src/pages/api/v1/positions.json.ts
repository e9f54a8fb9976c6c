/** api/v1/positions.json: every recommendation and ruling, normalized. */
import type { APIRoute } from "astro";
import { positionsDocument } from "../../../lib/outputs/exports.ts";
import { exportContext, jsonResponse } from "./_documents.ts";

export const GET: APIRoute = async () => {
  const { model, context } = await exportContext();
  return jsonResponse(positionsDocument(model, context));
};
