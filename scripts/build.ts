/**
 * `npm run build`: validates the records, builds the site with Astro while writing the records'
 * other files, and indexes the pages for search while drawing the social cards (see
 * src/lib/build/build-steps.ts). Usage: tsx scripts/build.ts [output-folder, default dist]
 */
import { runBuild, setAsideEarlierSite } from "../src/lib/build/build-steps.ts";

const outDir = process.argv[2] ?? "dist";
// The last build's site is deleted while this one runs, not by Astro before it starts.
const earlierDeleted = setAsideEarlierSite(outDir);
try {
  await runBuild(outDir, { echo: true });
} catch (error) {
  // The step has printed why; a broken registry must not be published half-built.
  console.error(`build stopped: ${String((error as Error).message).split("\n")[0]}`);
  process.exit(1);
}
await earlierDeleted;
