/**
 * `npm run bench`: how the build scales. For each size (the real data, and synthetic registries of
 * 1,000 and 10,000 deployments by default) it times the validator and the real build pipeline cold
 * and warm, with each step's peak memory, weighs the site's pages and search index, builds a bare
 * Astro project with as many minimal pages as the floor, checks the budgets and writes
 * BENCHMARKS.md and BENCHMARKS.json. Nothing here is a test; timings never belong in tests.
 *
 *   npm run bench -- [--sizes real,1000,10000] [--skip-10k] [--step-timeout 600] [--memory-guard 8]
 *                    [--query threema] [--out .] [--keep]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem, type } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkBudgets, growthReport } from "./budgets.ts";
import { markdownReport, type BenchResult, type Machine } from "./report.ts";
import { runSize, type SizeRun } from "./run-size.ts";
import { chromiumPath } from "../../test/e2e/browser.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "real,1000,10000" },
    "skip-10k": { type: "boolean", default: false },
    "step-timeout": { type: "string", default: "600" },
    "memory-guard": { type: "string", default: "8" },
    query: { type: "string", default: "threema" },
    out: { type: "string", default: "." },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(
    readFileSync(new URL(import.meta.url), "utf8")
      .split("*/")[0]!
      .replace(/^\/\*\*|^ \* ?/gm, ""),
  );
  process.exit(0);
}

const sizes = values.sizes
  .split(",")
  .map((size) => size.trim())
  .filter(Boolean)
  .map((size) => {
    if (size === "real") return "real" as const;
    if (/^[1-9]\d*$/.test(size)) return Number(size);
    console.error(`--sizes: expected "real" or a number of deployments, got "${size}"`);
    process.exit(2);
  })
  .filter((size) => !(values["skip-10k"] && size === 10_000));
for (const [option, value] of [
  ["--step-timeout", values["step-timeout"]],
  ["--memory-guard", values["memory-guard"]],
]) {
  if (!(Number(value) > 0)) {
    console.error(`${option}: expected a positive number, got "${value}"`);
    process.exit(2);
  }
}
if (!existsSync(chromiumPath)) {
  // Found before the first build, not after minutes of building: a query's bytes are measured in Chromium.
  console.error(
    `no Chromium at ${chromiumPath}: install Debian's (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`,
  );
  process.exit(2);
}
if (process.env.BASE_PATH && process.env.BASE_PATH !== "/") {
  // The site is served from the root while it is weighed and searched.
  console.error("unset BASE_PATH: the benchmark builds and serves the site at /");
  process.exit(2);
}
const limits = {
  timeoutSeconds: Number(values["step-timeout"]),
  memoryGuardBytes: Number(values["memory-guard"]) * 1e9,
};

const log = (line: string) => console.error(line);
const workRoot = mkdtempSync(join(tmpdir(), "registry-bench-"));
const removeWork = () => {
  if (!values.keep) rmSync(workRoot, { recursive: true, force: true });
};
process.once("exit", removeWork);
// Ctrl-C ends the run through process.exit, so the exit handlers stop running steps and remove temporary files.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

const git = (...args: string[]) => {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
};
const machine: Machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? "unknown CPU",
  cores: cpus().length,
  memoryBytes: totalmem(),
  os: `${type()} ${release()}`,
  node: process.versions.node,
  astro: (JSON.parse(readFileSync("node_modules/astro/package.json", "utf8")) as { version: string }).version,
  commit: `${git("rev-parse", "--short", "HEAD") || "unknown"}${git("status", "--porcelain") ? " (with uncommitted changes)" : ""}`,
  loadAverage: { start: loadavg(), end: [] },
};

const runs: SizeRun[] = [];
for (const size of sizes) {
  log(`${size === "real" ? "real data" : `${size} deployments`} (temporary files in ${workRoot})`);
  const workDir = join(workRoot, String(size));
  runs.push(await runSize(size, { workDir, limits, queries: { typical: values.query }, log }));
  if (!values.keep) rmSync(workDir, { recursive: true, force: true });
}
machine.loadAverage.end = loadavg();

const result: BenchResult = {
  machine,
  options: { ...values, command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, "") },
  runs,
  budgets: checkBudgets(runs),
  growth: growthReport(runs),
};
const markdown = markdownReport(result);
const outDir = resolve(values.out);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "BENCHMARKS.md"), markdown);
// A step's output is kept only where it explains a step that did not end well.
const withoutLogs = function (this: { outcome?: string }, key: string, value: unknown) {
  if (key !== "output") return value;
  return this.outcome === "ok" || typeof value !== "string" ? undefined : value.slice(-4000);
};
writeFileSync(join(outDir, "BENCHMARKS.json"), `${JSON.stringify(result, withoutLogs, 2)}\n`);
console.log(markdown);
log(`written: ${join(outDir, "BENCHMARKS.md")}, ${join(outDir, "BENCHMARKS.json")}`);
process.exit(result.budgets.some((budget) => budget.verdict === "fail") ? 1 : 0);
