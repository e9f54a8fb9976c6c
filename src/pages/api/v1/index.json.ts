/** api/v1/index.json: what the API offers and where every record's own file is. */
import type { APIRoute } from "astro";
import { apiIndexDocument } from "../../../lib/outputs/exports.ts";
import { exportContext, jsonResponse } from "./_documents.ts";

export const GET: APIRoute = async () => {
  const { model, context } = await exportContext();
  return jsonResponse(apiIndexDocument(model, context));
};
