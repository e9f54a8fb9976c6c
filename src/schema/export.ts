/**
 * The open-data API (api/v1): each file wraps the full records, as contributors write them but
 * normalized, with the fields the registry derives. Its JSON Schema is published beside it.
 */
import { z } from "zod";
import * as v from "./vocabulary.ts";
import { deploymentSchema } from "./deployment.ts";
import { productSchema } from "./product.ts";
import { positionSchema } from "./position.ts";
import { recordId } from "./common.ts";

const headline = <T extends z.ZodType>(value: T) => z.union([value, z.literal("disputed")]);

/** Values the registry computes for a deployment. */
export const derivedDeployment = z.strictObject({
  currentStatus: v.lifecycleStatus,
  protocol: headline(v.protocol),
  freeSoftware: z.enum(["free", "non-free", "unknown", "disputed"]),
  architecture: headline(v.architecture),
  federation: headline(v.federationStatus),
  reach: headline(v.externalReach),
  disputedFields: z.array(z.string()).describe("Fields whose sources disagree"),
});

/** Values the registry computes for a product. */
export const derivedProduct = z.strictObject({
  protocol: headline(v.protocol),
  freeSoftware: z.enum(["free", "non-free", "unknown", "disputed"]),
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
