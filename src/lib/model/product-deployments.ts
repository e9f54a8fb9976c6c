/**
 * The deployments of each product, grouped once per registry model: product pages, their exports,
 * their social cards and the compare view all ask, and a scan of every deployment per product
 * would grow with the square of the registry.
 */
import type { DeploymentEntry, RegistryModel } from "./registry-model.ts";

const groupsOf = new WeakMap<RegistryModel, Map<string, DeploymentEntry[]>>();

/** The deployments that use the product `productId`, in the registry's order. */
export function productDeployments(model: RegistryModel, productId: string): DeploymentEntry[] {
  let groups = groupsOf.get(model);
  if (!groups) {
    groups = new Map();
    for (const d of model.deployments) {
      if (!d.productEntry) continue;
      const group = groups.get(d.productEntry.id);
      if (group) group.push(d);
      else groups.set(d.productEntry.id, [d]);
    }
    groupsOf.set(model, groups);
  }
  return groups.get(productId) ?? [];
}
