/**
 * Astro's content collections, fed from data/ by the same validator contributors run.
 * The build stops with the validator's file:line report if any record is wrong.
 */
import { defineCollection } from "astro:content";
import type { Loader } from "astro/loaders";
import { collections as schemas, type CollectionName } from "./schema/index.ts";
import { formatProblem, validateRegistry, type ValidationResult } from "./lib/validation/validate-registry.ts";

// REGISTRY_DATA_DIR lets a developer preview the site with another data folder (e.g. test fixtures).
const dataDir = process.env.REGISTRY_DATA_DIR ?? "data";
let validation: ValidationResult | undefined;

function validatedData(): ValidationResult {
  validation ??= validateRegistry(dataDir);
  const errors = validation.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    const report = errors.map(formatProblem).join("\n");
    validation = undefined;
    throw new Error(`The registry has ${errors.length} invalid record field(s); nothing is published.\n${report}`);
  }
  return validation;
}

function registryLoader(collection: CollectionName): Loader {
  return {
    name: `registry-${collection}`,
    load: async ({ store, parseData, watcher }) => {
      watcher?.add(dataDir);
      validation = undefined;
      store.clear();
      for (const record of validatedData().registry[collection]) {
        const data = await parseData({ id: record.id, data: record.yaml.data as Record<string, unknown> });
        store.set({ id: record.id, data, filePath: record.file });
      }
    },
  };
}

export const collections = {
  deployments: defineCollection({ loader: registryLoader("deployments"), schema: schemas.deployments }),
  products: defineCollection({ loader: registryLoader("products"), schema: schemas.products }),
  positions: defineCollection({ loader: registryLoader("positions"), schema: schemas.positions }),
};
