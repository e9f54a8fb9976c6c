/**
 * The resolved registry read from a data folder outside Astro's content layer: build steps
 * (social cards), scripts and tests. It reuses the validate step's snapshot when the data is
 * unchanged (see snapshot.ts), so a build validates once.
 */
import type { Deployment, Position, Product } from "../../schema/index.ts";
import { registryDataDir } from "../../config.ts";
import { validRecords } from "../validation/snapshot.ts";
import { buildRegistry, type RegistryModel } from "./registry-model.ts";

/** The valid records of `dataDir`, resolved; throws with the validator's report if any record is invalid. */
export function registryFromFiles(dataDir = registryDataDir): RegistryModel {
  const records = validRecords(dataDir);
  const plain = <T>(list: { id: string; data: unknown }[]) => list.map(({ id, data }) => ({ id, data: data as T }));
  return buildRegistry(
    plain<Deployment>(records.deployments),
    plain<Product>(records.products),
    plain<Position>(records.positions),
  );
}
