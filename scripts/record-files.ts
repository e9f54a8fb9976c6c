/**
 * Writes the files the site has one of per record into <site>/ (see src/lib/outputs/record-files.ts):
 * the API's items, the badges, the compare view's entries and the editor's copies of the record
 * files. Usage: tsx scripts/record-files.ts [site-folder]; the build runs it beside Astro into a
 * folder of its own, placed into the site afterwards (build-steps.ts). Reads the records from
 * REGISTRY_DATA_DIR (default data/), like every other build step.
 */
import { resolve } from "node:path";
import { registryDataDir, siteHome } from "../src/config.ts";
import { registryFromFiles } from "../src/lib/model/registry-from-files.ts";
import { recordFiles, writeRecordFiles } from "../src/lib/outputs/record-files.ts";

const siteDir = resolve(process.argv[2] ?? "dist");
const files = recordFiles(registryFromFiles(), { siteUrl: siteHome.siteUrl, generated: new Date() }, registryDataDir);
writeRecordFiles(siteDir, files);
console.log(`record files: ${files.length} written`);
