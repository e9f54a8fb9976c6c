/** JSON Schemas generated from the zod schemas, for editors (yaml-language-server) and the open-data API. */
import { z } from "zod";
import { collections, type CollectionName } from "../../schema/index.ts";

/** File name of a collection's JSON Schema, e.g. `deployment.schema.json`. */
export function jsonSchemaFileName(collection: CollectionName): string {
  return `${collection.replace(/s$/, "")}.schema.json`;
}

/** The JSON Schema of what a contributor writes in one record file of `collection`. */
export function recordJsonSchema(collection: CollectionName): Record<string, unknown> {
  const schema = z.toJSONSchema(collections[collection], { io: "input", unrepresentable: "any", target: "draft-7" });
  return {
    ...schema,
    title: `${collection.replace(/s$/, "")} record`,
    description: `One file in data/${collection}/ of the public-sector messenger registry. The file name is the record id.`,
  };
}

/** The JSON text written to disk, stable so that an unchanged schema gives an unchanged file. */
export function recordJsonSchemaText(collection: CollectionName): string {
  return `${JSON.stringify(recordJsonSchema(collection), null, 2)}\n`;
}
