/** api/v1/positions/<id>.json: one position, exactly as an item of positions.json. */
import type { APIRoute } from "astro";
import { positionItem } from "../../../../lib/outputs/exports.ts";
import { getPositions, type PositionEntry } from "../../../../lib/site/astro-registry.ts";
import { exportContext, jsonResponse } from "../_documents.ts";

export async function getStaticPaths() {
  return (await getPositions()).map((position) => ({ params: { id: position.id }, props: { position } }));
}

export const GET: APIRoute<{ position: PositionEntry }> = async ({ props }) =>
  jsonResponse(positionItem(props.position, (await exportContext()).context));
