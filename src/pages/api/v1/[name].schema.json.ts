/** api/v1/<name>.schema.json: the JSON Schema each export validates against. */
import type { APIRoute } from "astro";
import { z } from "zod";
import { deploymentsExport, positionsExport, productsExport } from "../../../lib/outputs/export-schema.ts";
import { jsonResponse } from "./_documents.ts";

const schemas = { deployments: deploymentsExport, products: productsExport, positions: positionsExport };

export function getStaticPaths() {
  return Object.keys(schemas).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params }) => {
  const schema = schemas[params.name as keyof typeof schemas];
  return jsonResponse(z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }));
};
