/**
 * `npm run build`: validates the records, builds the site with Astro, draws the social cards and
 * indexes the pages for search. Usage: tsx scripts/build.ts [output-folder, default dist]
 */
import { buildSteps, runStep, setAsideEarlierSite } from "../src/lib/build/build-steps.ts";

const outDir = process.argv[2] ?? "dist";
// The last build's site is deleted while this one runs, not by Astro before it starts.
const earlierDeleted = setAsideEarlierSite(outDir);
for (const step of buildSteps(outDir)) {
  try {
    await runStep(step, { echo: true });
  } catch {
    // The step has printed why; a broken registry must not be published half-built.
    console.error(`build stopped: ${step.label} failed`);
    process.exit(1);
  }
}
await earlierDeleted;
