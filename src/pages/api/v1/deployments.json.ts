/** api/v1/deployments.json: every deployment, normalized, with derived values. */
import type { APIRoute } from "astro";
import { deploymentsDocument } from "../../../lib/outputs/exports.ts";
import { exportContext, jsonResponse } from "./_documents.ts";

export const GET: APIRoute = async () => {
  const { model, context } = await exportContext();
  return jsonResponse(deploymentsDocument(model, context));
};
