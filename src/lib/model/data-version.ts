/** A short fingerprint of the registry's records: it changes whenever any record changes. */
import { createHash } from "node:crypto";
import type { RegistryModel } from "./registry-model.ts";

/** Twelve hex digits of a SHA-256 over every record's id and parsed content, in id order. */
export function dataVersion(model: RegistryModel): string {
  const known = versions.get(model);
  if (known) return known;
  const hash = createHash("sha256");
  for (const [name, records] of Object.entries({
    deployments: model.deployments,
    products: model.products,
    positions: model.positions,
  })) {
    for (const record of [...records].sort((a, b) => a.id.localeCompare(b.id))) {
      hash.update(`${name}/${record.id}\n${JSON.stringify(record.record)}\n`);
    }
  }
  const version = hash.digest("hex").slice(0, 12);
  versions.set(model, version);
  return version;
}

// Every export states the version; the records are hashed once per model, not once per export.
const versions = new WeakMap<RegistryModel, string>();
