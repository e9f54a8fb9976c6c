/** badges/<lang>/<id>.svg: a deployment's federation badge, to embed on other sites. */
import type { APIRoute } from "astro";
import { languages, type Lang } from "../../../i18n/index.ts";
import { getDeployments, type DeploymentEntry } from "../../../lib/site/astro-registry.ts";
import { federationBadge } from "../../../lib/outputs/badge.ts";

export async function getStaticPaths() {
  const deployments = await getDeployments();
  return languages.flatMap((lang) =>
    deployments.map((deployment) => ({ params: { lang, id: deployment.id }, props: { deployment } })),
  );
}

export const GET: APIRoute<{ deployment: DeploymentEntry }> = ({ params, props }) =>
  new Response(federationBadge(props.deployment, params.lang as Lang).svg, {
    headers: { "content-type": "image/svg+xml; charset=utf-8" },
  });
