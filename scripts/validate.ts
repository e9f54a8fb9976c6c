/**
 * `npm run validate`: checks every record under data/ and prints one line per problem.
 * Exits non-zero if there is any error. Usage: tsx scripts/validate.ts [data-folder, default
 * REGISTRY_DATA_DIR or data]
 */
import { resolve } from "node:path";
import { formatProblem, githubAnnotation } from "../src/lib/validation/validate-registry.ts";
import { validateInParallel } from "../src/lib/validation/parallel.ts";
import { registryDataDir } from "../src/config.ts";

const dataDir = resolve(process.argv[2] ?? registryDataDir);
// Leaves the snapshot the later build steps read instead of validating again.
const { problems, filesRead, counts } = await validateInParallel(dataDir);
const errors = problems.filter((problem) => problem.severity === "error");
const warnings = problems.length - errors.length;

for (const problem of problems) console.log(formatProblem(problem));
if (process.env.GITHUB_ACTIONS === "true") {
  for (const problem of problems) console.log(githubAnnotation(problem));
}
const found = `${counts.deployments} deployments, ${counts.products} products, ${counts.positions} positions`;
// A folder without records is a mistyped path, not a valid registry.
const failed = errors.length > 0 || filesRead === 0;
console.log(
  filesRead === 0 && errors.length === 0
    ? `✗ no record files in ${dataDir}`
    : !failed
      ? `✓ ${filesRead} files valid (${found})${warnings ? `, ${warnings} warning(s)` : ""}`
      : `✗ ${errors.length} error(s)${warnings ? `, ${warnings} warning(s)` : ""} in ${filesRead} files`,
);
// Not process.exit(): it would cut off output still queued for a pipe (thousands of warnings, then the summary).
process.exitCode = failed ? 1 : 0;
