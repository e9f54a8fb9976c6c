/** The registry's three collections and the schema each record file must satisfy. */
import { deploymentSchema } from "./deployment.ts";
import { productSchema } from "./product.ts";
import { positionSchema } from "./position.ts";

export { deploymentSchema, productSchema, positionSchema };
export type { Deployment } from "./deployment.ts";
export type { Product } from "./product.ts";
export type { Position } from "./position.ts";
export type { Claim } from "./claim.ts";

/** Each collection: its folder under `data/` and its schema. */
export const collections = {
  deployments: deploymentSchema,
  products: productSchema,
  positions: positionSchema,
} as const;

/** Name of one of the registry's collections. */
export type CollectionName = keyof typeof collections;
