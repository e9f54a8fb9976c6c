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
    permalinks: z.strictObject({ de: z.url(), en: z.url() }),
    record,
    derived,
  });

/** api/v1/deployments.json */
export const deploymentsExport = envelope("deployments", exported(deploymentSchema, derivedDeployment));
/** api/v1/products.json */
export const productsExport = envelope("products", exported(productSchema, derivedProduct));
/** api/v1/positions.json */
export const positionsExport = envelope("positions", exported(positionSchema, z.strictObject({})));
