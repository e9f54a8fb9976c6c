/**
 * Moves the files the steps beside Astro wrote (the record files; see build-steps.ts) from their
 * folders below <staged> into the site Astro built. Usage: tsx scripts/place-files.ts
 * <staged-folder> <site-folder>
 */
import { existsSync, readdirSync, rmdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { moveInto } from "../src/lib/build/build-steps.ts";

const [staged, site] = [resolve(process.argv[2]!), resolve(process.argv[3] ?? "dist")];
const steps = existsSync(staged) ? readdirSync(staged) : [];
for (const step of steps) moveInto(join(staged, step), site);
if (existsSync(staged)) rmdirSync(staged);
console.log(`place files: ${steps.length ? `the files of ${steps.join(", ")}` : "nothing"} placed into ${site}`);
