/** The benchmark's report as Markdown: one table of measurements, the budgets, the growth report. */
import { megabytes as mb, type SiteKinds } from "../../src/lib/build/site-size.ts";
import type { BudgetResult, GrowthRow } from "./budgets.ts";
import type { StepMeasurement } from "./measured-run.ts";
import type { SizeRun } from "./run-size.ts";
import type { Bytes, PageWeight } from "./site-weights.ts";

/** Where and when the benchmark ran. */
export type Machine = {
  date: string;
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  astro: string;
  commit: string;
  loadAverage: { start: number[]; end: number[] };
};

/** The whole result, as written to the JSON file. */
export type BenchResult = {
  machine: Machine;
  options: Record<string, unknown>;
  runs: SizeRun[];
  budgets: BudgetResult[];
  growth: { small?: number; large?: number; rows: GrowthRow[] };
};

const kb = (bytes: number) => (bytes >= 1e6 ? mb(bytes) : `${(bytes / 1e3).toFixed(1)} KB`);
const sizeLabel = (size: SizeRun["size"]) =>
  size === "real" ? "real data" : `${size.toLocaleString("en")} deployments`;

function step(measurement?: StepMeasurement): string {
  if (!measurement) return "–";
  if (measurement.outcome === "skipped") return measurement.note ? `skipped: ${measurement.note}` : "skipped";
  const time = `${measurement.seconds!.toFixed(1)} s`;
  const cpu = measurement.cpuSeconds !== undefined ? ` (CPU ${measurement.cpuSeconds.toFixed(1)} s)` : "";
  const memory = measurement.peakBytes ? ` · ${mb(measurement.peakBytes)}` : "";
  const end = measurement.outcome === "ok" ? "" : `**${measurement.outcome}** after `;
  const note = measurement.outcome === "ok" && measurement.note ? ` (${measurement.note})` : "";
  return `${end}${time}${cpu}${memory}${note}`;
}

const bytes = (weight?: Bytes) => (weight ? `${kb(weight.raw)} / ${kb(weight.gzip)}` : "–");
const page = (weight?: PageWeight) =>
  weight ? `${bytes(weight.html)}; with CSS+JS ${kb(weight.withAssets.gzip)}` : "–";

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The measurements table: one column per size. */
function measurements(runs: SizeRun[]): string {
  const rows: string[][] = [];
  const row = (name: string, cell: (run: SizeRun) => string) => rows.push([name, ...runs.map(cell)]);
  const stepNames = [...new Set(runs.flatMap((run) => run.cold.map((s) => s.label)))];
  const count = (n: number) => n.toLocaleString("en");
  row(
    "records (deployments / products / positions)",
    (run) => `${count(run.records.deployments)} / ${count(run.records.products)} / ${count(run.records.positions)}`,
  );
  row("generated in", (run) =>
    run.generateSeconds === undefined ? "data/ as it is" : `${run.generateSeconds.toFixed(1)} s`,
  );
  row("HTML pages", (run) => (run.site ? count(run.site.htmlPages) : "–"));
  row("validator (`scripts/validate.ts <folder>`)", (run) => step(run.validator));
  row("validator again, one file changed (the others' checks reused)", (run) => step(run.validatorOneChanged));
  for (const [name, of, wall] of [
    ["cold", (run: SizeRun) => run.cold, (run: SizeRun) => run.buildSeconds.cold],
    ["warm (card cache filled)", (run: SizeRun) => run.warm, (run: SizeRun) => run.buildSeconds.warm],
  ] as const) {
    for (const stepName of stepNames)
      row(`${name}: ${stepName}`, (run) => step(of(run).find((s) => s.label === stepName)));
    row(`**${name}: full build**`, (run) => {
      const total = wall(run);
      const cpu = of(run).reduce((sum, s) => sum + (s.cpuSeconds ?? NaN), 0);
      if (total === undefined) return "did not finish";
      return `**${total.toFixed(1)} s**${Number.isFinite(cpu) ? ` (CPU ${cpu.toFixed(1)} s)` : ""}`;
    });
  }
  row("astro phases, warm: content / bundle / pages / after", (run) => {
    const astro = run.warm.find((s) => s.label === "astro build");
    const marks = astro?.marks ?? {};
    const points = [0, marks["content synced"], marks["pages started"], marks["pages rendered"], astro?.seconds];
    if (astro?.outcome !== "ok" || points.some((point) => point === undefined)) return "–";
    return points
      .slice(1)
      .map((point, i) => `${(point! - points[i]!).toFixed(1)}`)
      .join(" / ")
      .concat(" s");
  });
  row("pages per second (astro, warm)", (run) => {
    const astro = run.warm.find((s) => s.label === "astro build");
    return run.site && astro?.outcome === "ok" ? (run.site.htmlPages / astro.seconds!).toFixed(0) : "–";
  });
  row(
    "bare Astro floor, cold",
    (run) => `${run.floor.pages}${run.floor.pagesEstimated ? " (estimated)" : ""} pages: ${step(run.floor.cold)}`,
  );
  row("bare Astro floor, warm", (run) => step(run.floor.warm));
  row("**warm full build ÷ floor** (wall / CPU)", (run) => {
    const ours = run.buildSeconds.warm;
    const floor = run.floor.warm;
    if (ours === undefined || floor.outcome !== "ok") return "–";
    const cpu = run.warm.reduce((sum, s) => sum + (s.cpuSeconds ?? NaN), 0) / (floor.cpuSeconds ?? NaN);
    return `**${(ours / floor.seconds!).toFixed(1)}×**${Number.isFinite(cpu) ? ` / ${cpu.toFixed(1)}×` : ""}`;
  });
  row("dist/ size (per deployment)", (run) =>
    run.site ? `${mb(run.site.totalBytes)} (${kb(run.site.totalBytes / run.records.deployments)})` : "–",
  );
  row("of it HTML / cards / search index / exports / other", (run) =>
    run.site ? Object.values(run.site.parts).map(mb).join(" / ") : "–",
  );
  // What each kind of file costs per deployment tells what leaving it out or hosting it elsewhere would save.
  for (const kind of Object.keys(runs.find((run) => run.site)?.site?.kinds ?? {}) as (keyof SiteKinds)[]) {
    row(`– ${kind} (per deployment)`, (run) =>
      run.site ? `${mb(run.site.kinds[kind])} (${kb(run.site.kinds[kind] / run.records.deployments)})` : "–",
    );
  }
  for (const [name, key] of [
    ["home", "home"],
    ["table", "table"],
    ["overview", "overview"],
    ["country page (most entries)", "country"],
    ["entry page (heaviest real record)", "entry"],
  ] as const) {
    row(`${name}: raw / gzip`, (run) => {
      const weight = run.site?.pages[key];
      const which = key === "country" ? ` ${run.countryCode}` : key === "entry" ? ` ${run.entryId}` : "";
      return weight ? `${page(weight)}${which ? ` (${which.trim()})` : ""}` : "–";
    });
  }
  row("largest entry page, gzip with CSS+JS", (run) =>
    run.largestEntry ? `${kb(run.largestEntry.withAssets.gzip)} ${run.largestEntry.path}` : "–",
  );
  row("largest page, gzip", (run) =>
    run.site ? `${kb(run.site.largestPage.gzip)} ${run.site.largestPage.path}` : "–",
  );
  row("largest feed or sitemap, gzip", (run) =>
    run.site ? `${kb(run.site.largestFeed.gzip)} ${run.site.largestFeed.path}` : "–",
  );
  row("all scripts / all stylesheets, gzip", (run) =>
    run.site ? `${kb(run.site.scriptsGzip)} / ${kb(run.site.stylesGzip)}` : "–",
  );
  row("search index", (run) => (run.site ? mb(run.site.searchIndexBytes) : "–"));
  row("one query fetches", (run) =>
    run.query
      ? `${kb(run.query.bytes)} in ${run.query.requests} files ("${run.query.query}", ${run.query.results} results)`
      : "–",
  );
  return table(["", ...runs.map((run) => sizeLabel(run.size))], rows);
}

function growth(result: BenchResult["growth"]): string {
  if (result.rows.length === 0) return "Needs two synthetic sizes (e.g. `--sizes 1000,10000`).";
  const value = (row: GrowthRow, amount?: number) =>
    amount === undefined
      ? "–"
      : row.unit === "s"
        ? `${amount.toFixed(1)} s`
        : row.unit === "count"
          ? String(amount)
          : kb(amount);
  return table(
    ["measure", result.small!.toLocaleString("en"), result.large!.toLocaleString("en"), "exponent", "grows"],
    result.rows.map((row) => [
      row.measure,
      value(row, row.small),
      value(row, row.large),
      row.exponent?.toFixed(2) ?? "–",
      row.verdict,
    ]),
  );
}

/** The whole report. */
export function markdownReport(result: BenchResult): string {
  const { machine } = result;
  const failed = result.budgets.filter((budget) => budget.verdict === "fail").length;
  const notRun = result.budgets.filter((budget) => budget.verdict === "not run").length;
  const checks = result.runs.flatMap((run) =>
    run.checks.map((check) => [
      sizeLabel(run.size),
      check.check,
      check.pass === undefined ? "cannot tell" : check.pass ? "yes" : "**no**",
      check.detail,
    ]),
  );
  const plain = result.runs.filter((run) => run.plainCopies > 0);
  return `# Benchmarks

The latest numbers of \`npm run bench\` (scripts/bench/), which builds synthetic registries, made by
cloning and varying the records in data/, with the real build pipeline and compares the build with a
bare Astro project that makes as many minimal pages. Budgets come from issue 13.

- **When**: ${machine.date}, commit ${machine.commit}
- **Machine**: ${machine.cpu}, ${machine.cores} cores, ${mb(machine.memoryBytes)} memory, ${machine.os}; Node ${machine.node}, Astro ${machine.astro}
- **Load average** (1/5/15 min) at start ${machine.loadAverage.start.map((n) => n.toFixed(1)).join(" / ")}, at end ${machine.loadAverage.end.map((n) => n.toFixed(1)).join(" / ")}. Wall times include waiting for a core when the machine is shared; the CPU time beside them does not.
- **Run**: \`${String(result.options.command)}\`

## Measurements

Each size is built as the publish workflow builds it: with a public address and a repository on
GitHub (placeholders, never fetched), so the sitemap and every page's correction links are made.
Times are wall-clock, with CPU time (user + system, the step and all it started) and the peak
memory of the step's processes. A full build's time is the wall-clock time from its first step
to its last: the record files are written while Astro builds and the cards drawn while the search
index is made, so its steps add up to more. Cold: no Astro cache and an empty social-card cache;
warm: the same build again with the card cache filled. Page weights are raw / gzip of the HTML,
then gzip of the HTML with the stylesheets, scripts and icons it loads (social cards and search
index not counted). A query's bytes are what the search page fetched from the index in Chromium.

${measurements(result.runs)}
${plain.length ? `\n${plain.map((run) => `${run.plainCopies} generated records at ${sizeLabel(run.size)} failed validation in their varied form and were written as plain copies.`).join(" ")}\n` : ""}
## Budgets

${failed === 0 && notRun === 0 ? "All budgets pass." : `${failed} of ${result.budgets.length} budgets fail${notRun ? `, ${notRun} not run` : ""}.`}

${table(
  ["budget", "verdict", "measured"],
  result.budgets.map((budget) => [
    budget.budget,
    budget.verdict === "pass" ? "pass" : budget.verdict === "fail" ? "**FAIL**" : "not run",
    budget.detail,
  ]),
)}

## Growth

From the smallest to the largest synthetic registry. The exponent k says how a measure grows with the
number of records n (∝ nᵏ): 0 flat, 1 linear, 2 with the square; up to 1.1 counts as linear. A
step stopped at the larger size gives a lower bound.

${growth(result.growth)}

## One data folder

Each build step must read the registry the benchmark generated (REGISTRY_DATA_DIR), not data/.

${checks.length ? table(["size", "step", "read it", "how we know"], checks) : "No checks ran."}

## Running it

\`\`\`sh
npm run bench                              # real data, 1,000 and 10,000 deployments; writes BENCHMARKS.md and BENCHMARKS.json
npm run bench -- --sizes 1000              # one size (real, or a number of deployments; comma-separated)
npm run bench -- --skip-10k                # everything but 10,000
npm run bench -- --step-timeout 300        # stop any step after 300 s (default 600) and count it as failed
npm run bench -- --out /tmp/bench          # write the report elsewhere
\`\`\`
`;
}
