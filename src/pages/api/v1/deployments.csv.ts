/** api/v1/deployments.csv: one row per deployment with flat columns. */
import type { APIRoute } from "astro";
import { deploymentsCsv } from "../../../lib/outputs/exports.ts";
import { exportContext } from "./_documents.ts";

export const GET: APIRoute = async () => {
  const { model, context } = await exportContext();
  return new Response(deploymentsCsv(model, context.siteUrl), {
    headers: { "content-type": "text/csv; charset=utf-8" },
  });
};
