/**
 * `npm run new -- <deployment|product|position> <id> [--product <id>]`: writes a skeleton record
 * to data/<collection>/<id>.yaml that validates as it is, for a contributor to fill in (see
 * src/lib/model/record-skeleton.ts). Refuses an id that exists or is malformed.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recordId } from "../src/schema/common.ts";
import { recordSkeleton } from "../src/lib/model/record-skeleton.ts";
import { registryDataDir } from "../src/config.ts";
import type { CollectionName } from "../src/schema/index.ts";

const kinds: Record<string, CollectionName> = { deployment: "deployments", product: "products", position: "positions" };
const [kind, id, ...rest] = process.argv.slice(2);
const productFlag = rest.indexOf("--product");
const product = productFlag >= 0 ? rest[productFlag + 1] : undefined;

const collection = kind ? kinds[kind] : undefined;
if (!collection || !id) {
  console.error("usage: npm run new -- <deployment|product|position> <id> [--product <product-id>]");
  process.exit(2);
}
if (!recordId.safeParse(id).success) {
  console.error(`${id}: an id is lowercase letters and digits joined by hyphens, e.g. de-bund-wire`);
  process.exit(2);
}
if (product && !existsSync(join(registryDataDir, "products", `${product}.yaml`))) {
  console.error(`--product ${product}: there is no ${join(registryDataDir, "products", `${product}.yaml`)}`);
  process.exit(2);
}
const file = join(registryDataDir, collection, `${id}.yaml`);
if (existsSync(file)) {
  console.error(`${file} exists already; edit it instead`);
  process.exit(1);
}
mkdirSync(join(registryDataDir, collection), { recursive: true });
writeFileSync(file, recordSkeleton(collection, id, { today: new Date().toISOString().slice(0, 10), product }));
console.log(`${file} written: fill in every line marked with a comment, then run npm run validate`);
