/** api/v1/deployments/<id>.json: one deployment, exactly as an item of deployments.json. */
import type { APIRoute } from "astro";
import { deploymentItem } from "../../../../lib/outputs/exports.ts";
import { getDeployments, type DeploymentEntry } from "../../../../lib/site/astro-registry.ts";
import { exportContext, jsonResponse } from "../_documents.ts";

export async function getStaticPaths() {
  return (await getDeployments()).map((deployment) => ({ params: { id: deployment.id }, props: { deployment } }));
}

export const GET: APIRoute<{ deployment: DeploymentEntry }> = async ({ props }) =>
  jsonResponse(deploymentItem(props.deployment, (await exportContext()).context));
