/**
 * `npm run site-size`: what the built site weighs, by part, against the host's size limit.
 * GitHub Pages, where the publish workflow puts the site, takes sites of up to 1 GB. Exits
 * non-zero over the limit and warns from 80% of it on, so the registry's growth is noticed before
 * the host refuses it. Usage: tsx scripts/site-size.ts [site-folder, default dist] [--limit-mb 1000]
 */
import { existsSync } from "node:fs";
import { megabytes, siteSize, sizeVerdict } from "../src/lib/build/site-size.ts";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit-mb");
const limitMb = limitAt === -1 ? 1000 : Number(args[limitAt + 1]);
const siteDir = args.find((_, i) => limitAt === -1 || (i !== limitAt && i !== limitAt + 1)) ?? "dist";

if (!Number.isFinite(limitMb) || limitMb <= 0) {
  console.error(`--limit-mb needs a number of megabytes above 0, not "${args[limitAt + 1] ?? ""}"`);
  process.exit(2);
}
if (!existsSync(siteDir)) {
  console.error(`no built site in ${siteDir}: run npm run build first`);
  process.exit(2);
}

const { totalBytes, parts, kinds } = siteSize(siteDir);
const limitBytes = limitMb * 1e6;
const { level, share } = sizeVerdict(totalBytes, limitBytes);
const largest = Object.entries(parts).sort((a, b) => b[1] - a[1])[0]!;

console.log(
  `${siteDir}: ${megabytes(totalBytes)}, ${(share * 100).toFixed(1)}% of the limit of ${megabytes(limitBytes)}`,
);
for (const [part, bytes] of Object.entries(parts)) console.log(`  ${part.padEnd(13)} ${megabytes(bytes).padStart(10)}`);
console.log("by what the files are:");
for (const [kind, bytes] of Object.entries(kinds)) console.log(`  ${kind.padEnd(28)} ${megabytes(bytes).padStart(10)}`);

const advice =
  `the largest part is ${largest[0]} (${megabytes(largest[1])}); ` +
  "BENCHMARKS.md shows how each part grows with the number of records";
const message =
  level === "error"
    ? `the site is ${megabytes(totalBytes)}, over the host's limit of ${megabytes(limitBytes)}: ${advice}`
    : level === "warning"
      ? `the site is ${megabytes(totalBytes)}, ${(share * 100).toFixed(0)}% of the host's limit of ${megabytes(limitBytes)}: ${advice}`
      : undefined;
if (message) {
  console.log(`${level === "error" ? "✗" : "!"} ${message}`);
  if (process.env.GITHUB_ACTIONS === "true") console.log(`::${level}::${message}`);
}
process.exitCode = level === "error" ? 1 : 0;
