/**
 * The open-data API (api/v1): each file wraps the full records, as contributors write them but
 * normalized, with the fields the registry derives. Its JSON Schema is published beside it.
 */
import { z } from "zod";
import * as v from "../../schema/vocabulary.ts";
import { deploymentSchema, positionSchema, productSchema } from "../../schema/index.ts";
import { recordId } from "../../schema/common.ts";
import { allDeploymentFacts, productFacts, type KeyFactRow } from "../model/key-facts.ts";

const headline = <T extends z.ZodType>(value: T) => z.union([value, z.literal("disputed")]);

/** Each headline key fact's value, and how sure the sources are of it. */
function headlineFields(rows: readonly KeyFactRow[]) {
  const headlines = rows.filter((row) => row.headline);
  const values = Object.fromEntries(headlines.map((row) => [row.key, headline(row.vocabulary)]));
  const confidences = Object.fromEntries(
    headlines.map((row) => [
      row.key,
      z.string().describe("Confidences of the claims behind the value, strongest first, joined by |; empty if none"),
    ]),
  );
  const presumedBy = Object.fromEntries(
    headlines.map((row) => [
      row.key,
      z
        .string()
        .describe("Whose presumption the value is (article, editors, both joined by |); empty if sources back it"),
    ]),
  );
  return { ...values, confidence: z.strictObject(confidences), presumedBy: z.strictObject(presumedBy) };
}

/** Values the registry computes for a deployment. */
export const derivedDeployment = z.strictObject({
  currentStatus: v.lifecycleStatus,
  currentStatusDate: z.string().optional().describe("When the current step began, or the day a source saw it"),
  currentStatusConfidence: v.confidence.describe("How well the current step of the status history is backed"),
  ...headlineFields(allDeploymentFacts),
  disputedFields: z.array(z.string()).describe("Fields whose sources disagree"),
});

/** Values the registry computes for a product. */
export const derivedProduct = z.strictObject({
  ...headlineFields(productFacts),
  deploymentCount: z.number().int().nonnegative(),
});

const envelope = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.strictObject({
    apiVersion: z.string(),
    dataVersion: z.string().describe("Fingerprint of all records; changes when any record changes"),
    generated: z.iso.datetime(),
    licence: z.strictObject({ id: z.string(), name: z.string(), url: z.url() }),
    count: z.number().int().nonnegative(),
    ...({ [key]: z.array(item) } as Record<K, z.ZodArray<T>>),
  });

/** One exported record: id, permalink(s), the normalized record and derived values. */
const exported = <R extends z.ZodType, D extends z.ZodType>(record: R, derived: D) =>
  z.strictObject({
    id: recordId,
    permalinks: z
      .strictObject({ de: z.string(), en: z.string() })
      .describe("The record's pages: absolute addresses, or paths relative to the site's root in a preview build"),
    record,
    derived,
  });

/** One deployment: an item of api/v1/deployments.json, and the whole of api/v1/deployments/<id>.json. */
export const deploymentExportItem = exported(deploymentSchema, derivedDeployment);
/** One product: an item of api/v1/products.json, and the whole of api/v1/products/<id>.json. */
export const productExportItem = exported(productSchema, derivedProduct);
/** One position: an item of api/v1/positions.json, and the whole of api/v1/positions/<id>.json. */
export const positionExportItem = exported(positionSchema, z.strictObject({}));

/** api/v1/deployments.json */
export const deploymentsExport = envelope("deployments", deploymentExportItem);
/** api/v1/products.json */
export const productsExport = envelope("products", productExportItem);
/** api/v1/positions.json */
export const positionsExport = envelope("positions", positionExportItem);

/** One collection as the index lists it: where its files and schemas are, and every record's file. */
const indexedCollection = z.strictObject({
  count: z.number().int().nonnegative(),
  url: z.string().describe("The collection file: every record with its derived values"),
  schema: z.string().describe("JSON Schema of the collection file"),
  itemSchema: z.string().describe("JSON Schema of one record's file (the same as one item of the collection file)"),
  items: z.array(
    z.strictObject({
      id: recordId,
      url: z.string().describe("The record's own file"),
      permalinks: z.strictObject({ de: z.string(), en: z.string() }),
    }),
  ),
});

/** api/v1/index.json: what the API offers, with the address of every record's file. */
export const apiIndex = z.strictObject({
  apiVersion: z.string(),
  dataVersion: z.string().describe("Fingerprint of all records; changes when any record changes"),
  generated: z.iso.datetime(),
  licence: z.strictObject({ id: z.string(), name: z.string(), url: z.url() }),
  documentation: z.strictObject({ de: z.string(), en: z.string() }).describe("The API's description for people"),
  csv: z.string().describe("Every deployment as one CSV row"),
  collections: z.strictObject({
    deployments: indexedCollection,
    products: indexedCollection,
    positions: indexedCollection,
  }),
});

/** Every JSON Schema api/v1 publishes, by the name in its file name (`<name>.schema.json`). */
export const apiSchemas = {
  index: apiIndex,
  deployments: deploymentsExport,
  products: productsExport,
  positions: positionsExport,
  deployment: deploymentExportItem,
  product: productExportItem,
  position: positionExportItem,
} as const;

/** The JSON Schema text of one of apiSchemas, as published. */
export function apiJsonSchema(name: keyof typeof apiSchemas): Record<string, unknown> {
  return z.toJSONSchema(apiSchemas[name], { io: "input", unrepresentable: "any", target: "draft-2020-12" });
}
