/**
 * `npm run schema`: writes public/schema/<collection>.schema.json from the zod schemas.
 * Run it after changing anything in src/schema/; a test fails while the files are stale.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { collections, type CollectionName } from "../src/schema/index.ts";
import { jsonSchemaFileName, recordJsonSchemaText } from "../src/lib/outputs/json-schema.ts";

mkdirSync("public/schema", { recursive: true });
for (const collection of Object.keys(collections) as CollectionName[]) {
  const path = `public/schema/${jsonSchemaFileName(collection)}`;
  writeFileSync(path, recordJsonSchemaText(collection));
  console.log(`wrote ${path}`);
}
