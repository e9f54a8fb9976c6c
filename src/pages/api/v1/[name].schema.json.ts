/** api/v1/<name>.schema.json: the JSON Schema of each API file (the index, each collection, one record). */
import type { APIRoute } from "astro";
import { apiJsonSchema, apiSchemas } from "../../../lib/outputs/export-schema.ts";
import { jsonResponse } from "./_documents.ts";

export function getStaticPaths() {
  return Object.keys(apiSchemas).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params }) => jsonResponse(apiJsonSchema(params.name as keyof typeof apiSchemas));
