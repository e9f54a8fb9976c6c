/**
 * Astro's content collections, fed from data/ by the same validator contributors run. In a full
 * build the validate step has already checked the data and left a snapshot, which is read here;
 * run on its own (`astro dev`, `astro build`), this validates afresh. Either way the build stops
 * with the validator's file:line report if any record is wrong.
 */
import { defineCollection } from "astro:content";
import type { Loader } from "astro/loaders";
import { collections as schemas, type CollectionName } from "./schema/index.ts";
import { validRecords } from "./lib/validation/snapshot.ts";
import { registryDataDir } from "./config.ts";

function registryLoader(collection: CollectionName): Loader {
  return {
    name: `registry-${collection}`,
    load: async ({ store, watcher }) => {
      watcher?.add(registryDataDir);
      store.clear();
      // The records are already parsed by the collection's schema; storing them as they are saves a second parse.
      for (const record of validRecords(registryDataDir)[collection]) {
        store.set({ id: record.id, data: record.data as Record<string, unknown>, filePath: record.file });
      }
    },
  };
}

export const collections = {
  deployments: defineCollection({ loader: registryLoader("deployments"), schema: schemas.deployments }),
  products: defineCollection({ loader: registryLoader("products"), schema: schemas.products }),
  positions: defineCollection({ loader: registryLoader("positions"), schema: schemas.positions }),
};
