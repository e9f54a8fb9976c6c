/**
 * `npm run build`: validates the records, builds the site with Astro, draws the social cards and
 * indexes the pages for search. Usage: tsx scripts/build.ts [output-folder, default dist]
 */
import { buildSteps, runStep } from "../src/lib/build/build-steps.ts";

for (const step of buildSteps(process.argv[2] ?? "dist")) {
  try {
    await runStep(step, { echo: true });
  } catch {
    // The step has printed why; a broken registry must not be published half-built.
    console.error(`build stopped: ${step.label} failed`);
    process.exit(1);
  }
}
