/**
 * The budgets of issue 13, checked against the benchmark's measurements, and the growth report:
 * how each step's time and memory and each page's weight grow from the smallest to the largest
 * synthetic registry, as an exponent (1 = linear, 0 = flat, 2 = with the square).
 */
import type { StepMeasurement } from "./measured-run.ts";
import type { SizeRun } from "./run-size.ts";

/** pass, fail, or not run (the size it applies to was not benchmarked). */
export type Verdict = "pass" | "fail" | "not run";
export type BudgetResult = { budget: string; verdict: Verdict; detail: string };

const GB = 1e9;
const KB = 1e3;
/** Above this growth exponent a measure counts as growing faster than linear. */
export const linearExponent = 1.1;
/** How much an entry page may differ between sizes and still count as independent of the registry's size. */
export const entryPageTolerance = 0.1;

const atSize = (runs: SizeRun[], size: number) => runs.find((run) => run.size === size);
const synthetic = (runs: SizeRun[]) =>
  runs.filter((run): run is SizeRun & { size: number } => run.size !== "real").sort((a, b) => a.size - b.size);
const seconds = (step: StepMeasurement) => `${step.seconds?.toFixed(1)} s`;
const describe = (step: StepMeasurement) =>
  step.outcome === "ok" ? seconds(step) : `${step.outcome}${step.note ? ` (${step.note})` : ""}`;
const label = (run: SizeRun) => (run.size === "real" ? "real data" : run.size.toLocaleString("en"));
const gb = (bytes: number) => `${(bytes / GB).toFixed(2)} GB`;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** Checks every budget against the runs. */
export function checkBudgets(runs: SizeRun[]): BudgetResult[] {
  const results: BudgetResult[] = [];
  const at10k = atSize(runs, 10_000);
  const notRun = (budget: string) =>
    results.push({ budget, verdict: "not run", detail: "needs a run at 10,000 (--sizes 10000)" });

  const validatorBudget = "validator ≤ 3 s at 10,000 records";
  if (!at10k) notRun(validatorBudget);
  else {
    const ok = at10k.validator.outcome === "ok" && at10k.validator.seconds! <= 3;
    results.push({ budget: validatorBudget, verdict: ok ? "pass" : "fail", detail: describe(at10k.validator) });
  }

  const floorBudget = "warm full build ≤ 3× bare Astro (same pages) at 10,000 records";
  if (!at10k) notRun(floorBudget);
  else {
    const ours = at10k.buildSeconds.warm;
    const floor = at10k.floor.warm.outcome === "ok" ? at10k.floor.warm.seconds : undefined;
    const failed = at10k.warm.find((step) => step.outcome !== "ok");
    results.push({
      budget: floorBudget,
      verdict: ours !== undefined && floor !== undefined && ours <= 3 * floor ? "pass" : "fail",
      detail:
        ours !== undefined && floor !== undefined
          ? `${ours.toFixed(1)} s = ${(ours / floor).toFixed(1)}× the floor's ${floor.toFixed(1)} s`
          : failed
            ? `warm ${failed.label}: ${describe(failed)}`
            : `floor: ${describe(at10k.floor.warm)}`,
    });
  }

  const steps = runs.flatMap((run) =>
    [run.validator, run.validatorOneChanged, ...run.cold, ...run.warm].map((step) => ({ run, step })),
  );
  const heaviest = steps
    .filter(({ step }) => step.peakBytes !== undefined)
    .sort((a, b) => b.step.peakBytes! - a.step.peakBytes!)[0];
  const guarded = steps.find(({ step }) => step.outcome === "over memory guard");
  results.push({
    budget: "no step over 4 GB of memory",
    verdict: guarded || (heaviest && heaviest.step.peakBytes! > 4 * GB) ? "fail" : "pass",
    detail: guarded
      ? `${guarded.step.label} at ${label(guarded.run)} stopped by the memory guard`
      : heaviest
        ? `most: ${heaviest.step.label} at ${label(heaviest.run)}, ${gb(heaviest.step.peakBytes!)}`
        : "nothing measured",
  });

  const weighed = runs.filter((run) => run.largestEntry);
  const heaviestEntry = weighed.sort((a, b) => b.largestEntry!.withAssets.gzip - a.largestEntry!.withAssets.gzip)[0];
  results.push({
    budget: "entry page ≤ 25 KB gzipped with what it loads",
    verdict: !heaviestEntry ? "not run" : heaviestEntry.largestEntry!.withAssets.gzip <= 25 * KB ? "pass" : "fail",
    detail: heaviestEntry
      ? `largest: ${heaviestEntry.largestEntry!.path} at ${label(heaviestEntry)}, ${kb(heaviestEntry.largestEntry!.withAssets.gzip)}`
      : "no site was built",
  });

  const sameEntry = runs.filter((run) => run.site?.pages.entry);
  if (sameEntry.length < 2) {
    results.push({
      budget: "entry page independent of the registry's size",
      verdict: "not run",
      detail: "needs two sizes",
    });
  } else {
    const sizes = sameEntry.map((run) => run.site!.pages.entry!.withAssets.gzip);
    const spread = Math.max(...sizes) / Math.min(...sizes) - 1;
    results.push({
      budget: "entry page independent of the registry's size",
      verdict: spread <= entryPageTolerance ? "pass" : "fail",
      detail: `${sameEntry[0]!.entryId}: ${sameEntry.map((run) => `${kb(run.site!.pages.entry!.withAssets.gzip)} at ${label(run)}`).join(", ")}`,
    });
  }

  const sites = runs.filter((run) => run.site);
  const largest = sites
    .flatMap((run) => [run.site!.largestPage, run.site!.largestFeed].map((file) => ({ run, file })))
    .sort((a, b) => b.file.gzip - a.file.gzip)[0];
  results.push({
    budget: "no page or feed over 500 KB gzipped",
    verdict: !largest ? "not run" : largest.file.gzip <= 500 * KB ? "pass" : "fail",
    detail: largest
      ? `largest: ${largest.file.path} at ${label(largest.run)}, ${kb(largest.file.gzip)}`
      : "no site was built",
  });

  const grown = synthetic(runs).filter((run) => run.site);
  // The smallest and largest built synthetic sites, which both the growth and the capacity are read from.
  const ends = grown.length < 2 ? undefined : ([grown[0]!, grown.at(-1)!] as const);
  if (!ends) {
    results.push({ budget: "dist/ grows linearly", verdict: "not run", detail: "needs two synthetic sizes" });
  } else {
    const [small, large] = ends;
    const exponent = growthExponent(small.site!.totalBytes, large.site!.totalBytes, small.size, large.size);
    results.push({
      budget: "dist/ grows linearly",
      verdict: exponent <= linearExponent ? "pass" : "fail",
      detail: `${grown.map((run) => `${kb(run.site!.totalBytes / run.records.deployments)} per record at ${label(run)}`).join(", ")}; exponent ${exponent.toFixed(2)}`,
    });
  }
  const distBudget = "dist/ under 1 GB at 10,000 records";
  if (!at10k) notRun(distBudget);
  else {
    const fit =
      ends &&
      deploymentsUnder(
        GB,
        [ends[0].records.deployments, ends[0].site!.totalBytes],
        [ends[1].records.deployments, ends[1].site!.totalBytes],
      );
    results.push({
      budget: distBudget,
      verdict: at10k.site && at10k.site.totalBytes < GB ? "pass" : "fail",
      detail: at10k.site
        ? `${gb(at10k.site.totalBytes)}${fit === undefined ? "" : `; about ${fit.toLocaleString("en")} deployments fit under 1 GB`}`
        : "the site was not built",
    });
  }

  const checks = runs.flatMap((run) => run.checks.map((check) => ({ run, check })));
  const failedCheck = checks.filter(({ check }) => check.pass === false);
  results.push({
    budget: "every build step reads the configured data folder",
    verdict: checks.length === 0 ? "not run" : failedCheck.length ? "fail" : "pass",
    detail: failedCheck.length
      ? failedCheck.map(({ run, check }) => `${check.check} at ${label(run)}: ${check.detail}`).join("; ")
      : `${checks.filter(({ check }) => check.pass).length} checks passed, ${checks.filter(({ check }) => check.pass === undefined).length} could not tell`,
  });
  return results;
}

/**
 * How many deployments a site of `limit` bytes holds, on the straight line through two measured
 * sizes ([deployments, bytes]): what every deployment adds, over what the site weighs without any.
 * Undefined when the site does not grow between them.
 */
export function deploymentsUnder(limit: number, small: [number, number], large: [number, number]): number | undefined {
  const perDeployment = (large[1] - small[1]) / (large[0] - small[0]);
  if (!(perDeployment > 0)) return undefined;
  const base = small[1] - perDeployment * small[0];
  return Math.max(0, Math.floor((limit - base) / perDeployment / 100) * 100);
}

/** The exponent k in value ∝ records^k between two sizes. */
export function growthExponent(small: number, large: number, smallRecords: number, largeRecords: number): number {
  return Math.log(large / small) / Math.log(largeRecords / smallRecords);
}

/** One line of the growth report. */
export type GrowthRow = {
  measure: string;
  small?: number;
  large?: number;
  unit: "s" | "bytes" | "count";
  exponent?: number;
  verdict: string;
};

/** How an exponent reads. */
export function growthVerdict(exponent: number): string {
  if (exponent <= 0.15) return "flat";
  if (exponent <= linearExponent) return "linear or better";
  return "faster than linear";
}

/** Per-step time and memory, and per-page bytes, from the smallest to the largest synthetic size. */
export function growthReport(runs: SizeRun[]): { small?: number; large?: number; rows: GrowthRow[] } {
  const grown = synthetic(runs);
  if (grown.length < 2) return { rows: [] };
  const [small, large] = [grown[0]!, grown.at(-1)!];
  const rows: GrowthRow[] = [];
  const compare = (measure: string, unit: GrowthRow["unit"], a?: number, b?: number, bLowerBound = false) => {
    if (a === undefined || b === undefined || a <= 0) {
      rows.push({ measure, small: a, large: b, unit, verdict: "not measured at both sizes" });
      return;
    }
    const exponent = growthExponent(a, b, small.size, large.size);
    rows.push({
      measure,
      small: a,
      large: b,
      unit,
      exponent,
      verdict: bLowerBound
        ? exponent > linearExponent
          ? `faster than linear (exponent at least ${exponent.toFixed(2)}: stopped)`
          : "unknown: stopped before it finished"
        : growthVerdict(exponent),
    });
  };
  const step = (steps: StepMeasurement[], name: string) => steps.find((s) => s.label === name);
  const timeOf = (measurement?: StepMeasurement) =>
    measurement && (measurement.outcome === "ok" || measurement.outcome === "timed out")
      ? measurement.seconds
      : undefined;
  compare(
    "validator time",
    "s",
    timeOf(small.validator),
    timeOf(large.validator),
    large.validator.outcome === "timed out",
  );
  for (const measurement of small.warm) {
    const name = measurement.label;
    // A step that could not finish at the large size cold never ran warm: compare with how long it ran cold.
    const largeStep = step(large.warm, name)?.outcome === "skipped" ? step(large.cold, name) : step(large.warm, name);
    compare(`${name} time (warm)`, "s", timeOf(measurement), timeOf(largeStep), largeStep?.outcome === "timed out");
  }
  for (const measurement of small.warm) {
    const largeStep =
      step(large.warm, measurement.label)?.outcome === "skipped"
        ? step(large.cold, measurement.label)
        : step(large.warm, measurement.label);
    const stopped = largeStep?.outcome === "timed out" || largeStep?.outcome === "over memory guard";
    compare(
      `${measurement.label} peak memory`,
      "bytes",
      measurement.peakBytes,
      largeStep?.outcome === "ok" || stopped ? largeStep.peakBytes : undefined,
      stopped,
    );
  }
  compare("HTML pages", "count", small.site?.htmlPages, large.site?.htmlPages);
  compare("dist/ bytes", "bytes", small.site?.totalBytes, large.site?.totalBytes);
  for (const part of ["html", "cards", "search index"] as const) {
    compare(`dist/ ${part} bytes`, "bytes", small.site?.parts[part], large.site?.parts[part]);
  }
  for (const page of ["home", "table", "overview", "country", "entry"]) {
    compare(
      `${page} page (gzip, with what it loads)`,
      "bytes",
      small.site?.pages[page]?.withAssets.gzip,
      large.site?.pages[page]?.withAssets.gzip,
    );
  }
  compare("largest page (gzip)", "bytes", small.site?.largestPage.gzip, large.site?.largestPage.gzip);
  compare("bytes one query fetches", "bytes", small.query?.bytes, large.query?.bytes);
  return { small: small.size, large: large.size, rows };
}
