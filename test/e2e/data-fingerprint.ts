/** A fingerprint of the records in data/, to tell whether the built site still matches them. */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** SHA-256 over every file under `dataDir` (names and contents, in a fixed order). */
export function dataFingerprint(dataDir = "data"): string {
  const hash = createHash("sha256");
  const files = readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}
