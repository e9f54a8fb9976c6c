// The benchmark's verdicts: a budget passes only on a finished measurement, and a stopped step counts against it.
import { describe, expect, it } from "vitest";
import { checkBudgets, growthReport } from "../../scripts/bench/budgets.ts";
import type { StepMeasurement } from "../../scripts/bench/measured-run.ts";
import type { SizeRun } from "../../scripts/bench/run-size.ts";
import type { PageWeight, SiteWeights } from "../../scripts/bench/site-weights.ts";

const ok = (label: string, seconds: number, peakBytes = 5e8): StepMeasurement => ({
  label,
  outcome: "ok",
  seconds,
  peakBytes,
});
const page = (gzip: number): PageWeight => ({
  path: "/de/deployments/x/",
  html: { raw: gzip * 5, gzip },
  withAssets: { raw: gzip * 6, gzip },
  assets: [],
});

function site(deployments: number, entryGzip: number): SiteWeights {
  return {
    htmlPages: deployments * 2,
    totalBytes: deployments * 50_000,
    parts: {
      html: deployments * 30_000,
      cards: deployments * 15_000,
      "search index": deployments * 5_000,
      exports: 0,
      other: 0,
    },
    // No budget reads the finer split; the report only prints it.
    kinds: {} as SiteWeights["kinds"],
    pages: { entry: page(entryGzip) },
    largestPage: { path: "/de/table/index.html", gzip: 40_000 },
    largestEntryPage: { path: "/de/deployments/x/index.html", gzip: entryGzip },
    largestFeed: { path: "/de/feed.xml", gzip: 20_000 },
    scriptsGzip: 5_000,
    stylesGzip: 3_000,
    searchIndexBytes: deployments * 5_000,
  };
}

function run(
  size: number,
  steps: { validator: StepMeasurement; warm: StepMeasurement[]; floor: number; entryGzip?: number; wall?: number },
): SizeRun {
  // Unless a test says the steps ran side by side, one after the other.
  const finished = steps.warm.every((step) => step.outcome === "ok");
  const wall = steps.wall ?? (finished ? steps.warm.reduce((sum, step) => sum + step.seconds!, 0) : undefined);
  return {
    size,
    records: { deployments: size, products: size / 10, positions: size / 4 },
    plainCopies: 0,
    validator: steps.validator,
    validatorOneChanged: steps.validator,
    cold: steps.warm,
    warm: steps.warm,
    buildSeconds: { cold: wall, warm: wall },
    floor: {
      pages: size * 2,
      pagesEstimated: false,
      cold: ok("bare astro (cold)", steps.floor),
      warm: ok("bare astro (warm)", steps.floor),
    },
    entryId: "x",
    countryCode: "DE",
    site: site(size, steps.entryGzip ?? 12_000),
    largestEntry: page(steps.entryGzip ?? 12_000),
    checks: [{ check: "validate step", pass: true, detail: "" }],
  };
}

const verdict = (runs: SizeRun[], budget: string) =>
  checkBudgets(runs).find((result) => result.budget.startsWith(budget))!;

describe("budgets", () => {
  const small = run(1_000, {
    validator: ok("validator", 0.5),
    warm: [ok("validate", 0.5), ok("astro build", 3)],
    floor: 2,
  });

  it("are not run at 10,000 records when that size was not benchmarked", () => {
    expect(verdict([small], "validator ≤ 3 s").verdict).toBe("not run");
    expect(verdict([small], "warm full build").verdict).toBe("not run");
  });

  it("fail when a step timed out, and say so", () => {
    const stopped: StepMeasurement = {
      label: "astro build",
      outcome: "timed out",
      seconds: 600,
      note: "stopped after 600 s",
    };
    const large = run(10_000, { validator: ok("validator", 2.5), warm: [ok("validate", 2.5), stopped], floor: 18 });
    expect(verdict([small, large], "validator ≤ 3 s").verdict).toBe("pass");
    const floor = verdict([small, large], "warm full build");
    expect(floor.verdict).toBe("fail");
    expect(floor.detail).toContain("timed out");
  });

  it("compare the warm build with three times the floor", () => {
    const fast = run(10_000, {
      validator: ok("validator", 2),
      warm: [ok("validate", 2), ok("astro build", 50)],
      floor: 18,
    });
    const slow = run(10_000, {
      validator: ok("validator", 2),
      warm: [ok("validate", 2), ok("astro build", 60)],
      floor: 18,
    });
    expect(verdict([fast], "warm full build").verdict).toBe("pass");
    expect(verdict([slow], "warm full build").verdict).toBe("fail");
  });

  it("take the warm build's wall-clock time, not the sum of steps that ran side by side", () => {
    const sideBySide = run(10_000, {
      validator: ok("validator", 2),
      warm: [ok("validate", 2), ok("astro build", 40), ok("social cards", 30)],
      floor: 18,
      wall: 44,
    });
    expect(verdict([sideBySide], "warm full build").verdict).toBe("pass");
    expect(verdict([sideBySide], "warm full build").detail).toMatch(/^44\.0 s = 2\.4×/);
  });

  it("fail an entry page that grows with the registry, and a step over 4 GB", () => {
    const large = run(10_000, {
      validator: ok("validator", 2),
      warm: [ok("validate", 2), ok("astro build", 40, 4.5e9)],
      floor: 18,
      entryGzip: 20_000,
    });
    expect(verdict([small, large], "entry page ≤ 25 KB").verdict).toBe("pass");
    expect(verdict([small, large], "entry page independent").verdict).toBe("fail");
    expect(verdict([small, large], "no step over 4 GB").verdict).toBe("fail");
  });

  it("say how many deployments fit under 1 GB, from what each adds over a fixed part", () => {
    const large = run(10_000, { validator: ok("validator", 2), warm: [ok("validate", 2)], floor: 18 });
    // 50 KB per deployment and nothing else (site() above): 10,000 make 0.5 GB, 20,000 fit.
    expect(verdict([small, large], "dist/ under 1 GB").verdict).toBe("pass");
    expect(verdict([small, large], "dist/ under 1 GB").detail).toBe("0.50 GB; about 20,000 deployments fit under 1 GB");
    // 300 MB at 1,000 and 1.2 GB at 10,000: 100 KB each over 200 MB, so 8,000 fit (not 1 GB ÷ 120 KB).
    const [lean, heavy] = [structuredClone(small), structuredClone(large)];
    lean.site!.totalBytes = 300e6;
    heavy.site!.totalBytes = 1.2e9;
    const over = verdict([lean, heavy], "dist/ under 1 GB");
    expect(over.verdict).toBe("fail");
    expect(over.detail).toBe("1.20 GB; about 8,000 deployments fit under 1 GB");
  });
});

describe("growth report", () => {
  it("calls a step linear, quadratic or stopped by how its time grows", () => {
    const small = run(1_000, {
      validator: ok("validator", 1),
      warm: [ok("validate", 1), ok("astro build", 10), ok("search index", 5)],
      floor: 2,
    });
    const large = run(10_000, {
      validator: ok("validator", 10),
      warm: [
        ok("validate", 10),
        ok("astro build", 1000),
        { label: "search index", outcome: "timed out", seconds: 600 },
      ],
      floor: 18,
    });
    const rows = Object.fromEntries(growthReport([small, large]).rows.map((row) => [row.measure, row]));
    expect(rows["validate time (warm)"]!.verdict).toBe("linear or better");
    expect(rows["astro build time (warm)"]!.exponent).toBeCloseTo(2);
    expect(rows["astro build time (warm)"]!.verdict).toBe("faster than linear");
    expect(rows["search index time (warm)"]!.verdict).toMatch(/^faster than linear \(exponent at least 2\.08/);
    expect(rows["entry page (gzip, with what it loads)"]!.verdict).toBe("flat");
  });
});
