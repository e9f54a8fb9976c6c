/**
 * The resolved registry read straight from data/ with the validator, for code that runs outside
 * Astro's content layer: build hooks (social cards), scripts and tests.
 */
import { buildRegistry, type RegistryModel } from "./registry-model.ts";
import { formatProblem, validateRegistry } from "../validation/validate-registry.ts";

/** Validates `dataDir` and returns the resolved registry; throws with the report if any record is invalid. */
export function registryFromFiles(dataDir = "data"): RegistryModel {
  const { registry, problems } = validateRegistry(dataDir);
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new Error(`invalid records:\n${errors.map(formatProblem).join("\n")}`);
  const plain = <T>(records: { id: string; data: T }[]) => records.map(({ id, data }) => ({ id, data }));
  return buildRegistry(plain(registry.deployments), plain(registry.products), plain(registry.positions));
}
