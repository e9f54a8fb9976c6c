/**
 * The steps that turn data/ into the published site, and the order they may run in. `npm run
 * build`, the browser tests' setup and the benchmark all run exactly these (with `runPipeline`),
 * so they can never build different sites.
 */
import { spawn } from "node:child_process";
import { existsSync, lstatSync, readdirSync, renameSync, rmSync, rmdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { languages } from "../../i18n/index.ts";

/** One build step: a Node script with its arguments, and the steps it waits for. */
export type BuildStep = {
  label: string;
  script: string;
  args: string[];
  /** The steps whose output it reads: it runs once they have succeeded, and not at all if one failed. */
  needs: string[];
  /** Steps it waits for without reading their output, so as not to run beside them (memory). */
  after?: string[];
};

const tsx = "node_modules/tsx/dist/cli.mjs";
const pagefind = "node_modules/pagefind/lib/runner/bin.cjs";

/**
 * Where the steps that run beside Astro write (one folder each) until Astro has built the site:
 * Astro empties its output folder when it starts writing, so they cannot write there directly.
 */
export const stagedDir = (outDir: string) => `${resolve(outDir)}.staged`;

/** The build of the site into `outDir`, in an order in which each step comes after those it waits for. */
export function buildSteps(outDir: string): BuildStep[] {
  const staged = stagedDir(outDir);
  return [
    { label: "validate", script: tsx, args: ["scripts/validate.ts"], needs: [] },
    {
      label: "astro build",
      script: "node_modules/astro/bin/astro.mjs",
      args: ["build", "--outDir", outDir],
      needs: ["validate"],
    },
    // The files each record has besides its pages, written directly: as Astro routes they cost a
    // third of its step. They need only the records, so they are written while Astro runs, on the
    // core Astro leaves mostly idle.
    {
      label: "record files",
      script: tsx,
      args: ["scripts/record-files.ts", join(staged, "record-files")],
      needs: ["validate"],
    },
    // The cards need only the records too, but drawing them takes every core: beside Astro, a cold
    // build of 10,000 deployments was slower than with one step after the other. So they are
    // drawn into the site once Astro has built it, while the search index is made.
    {
      label: "social cards",
      script: tsx,
      args: ["scripts/social-cards.ts", outDir],
      needs: ["astro build"],
    },
    {
      label: "place files",
      script: tsx,
      args: ["scripts/place-files.ts", staged, outDir],
      needs: ["astro build"],
      after: ["record files"],
    },
    // One index per language (pagefind/de/, pagefind/en/), one after the other, so the indexer
    // holds half the pages at a time.
    ...languages.map((lang, i) => ({
      label: `search index (${lang})`,
      script: pagefind,
      args: ["--site", outDir, "--glob", `${lang}/**/*.html`, "--output-subdir", `pagefind/${lang}`],
      needs: ["astro build"],
      after: i > 0 ? [`search index (${languages[i - 1]})`] : [],
    })),
  ];
}

/** What running a step came to: whether the steps that need it may run. */
export type StepResult = { ok: boolean };

/**
 * Runs `steps` of the build into `outDir`, each as soon as the steps it waits for are done (so
 * steps that need only the records run beside Astro), by `run`. A step whose needed step did not
 * succeed is not run: `skip` says so instead. A step `steps` leaves out counts as done. Resolves
 * to the results in the order of `steps`, once all are done.
 */
export async function runPipeline<R extends StepResult>(
  outDir: string,
  steps: BuildStep[],
  run: (step: BuildStep) => Promise<R>,
  skip: (step: BuildStep, reason: string) => R,
): Promise<R[]> {
  // What an interrupted build left there must not be placed into this one's site.
  rmSync(stagedDir(outDir), { recursive: true, force: true });
  const done = new Map<string, Promise<R>>();
  for (const step of steps) {
    const waited = [...step.needs, ...(step.after ?? [])].filter((label) => done.has(label));
    const result = Promise.all(waited.map((label) => done.get(label)!)).then(async (earlier) => {
      const failed = waited.find((label, i) => step.needs.includes(label) && !earlier[i]!.ok);
      return failed ? skip(step, `${failed} did not succeed`) : run(step);
    });
    done.set(step.label, result);
  }
  return Promise.all(steps.map((step) => done.get(step.label)!));
}

/**
 * Moves everything below `from` to the same place below `to`: a folder `to` does not have moves
 * whole, in one rename; a folder both have is merged. Refuses to replace anything, so two steps
 * that wrote the same file stop the build instead of one silently winning. Removes `from`.
 */
export function moveInto(from: string, to: string): void {
  if (!existsSync(from)) return;
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    const existing = lstatOrUndefined(target);
    if (!existing) renameSync(source, target);
    else if (existing.isDirectory() && lstatSync(source).isDirectory()) moveInto(source, target);
    else throw new Error(`${target} exists already: two build steps wrote it`);
  }
  rmdirSync(from);
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Runs the steps of the build into `outDir` with `runStep` (see `runPipeline`); rejects with the first failure's report. */
export async function runBuild(
  outDir: string,
  options: { echo: boolean; env?: Record<string, string>; only?: string[] },
): Promise<void> {
  const steps = buildSteps(outDir).filter((step) => !options.only || options.only.includes(step.label));
  const stop = new AbortController();
  let failure: unknown;
  await runPipeline(
    outDir,
    steps,
    async (step) => {
      if (stop.signal.aborted) return { ok: false };
      try {
        await runStep(step, { ...options, signal: stop.signal });
        return { ok: true };
      } catch (error) {
        // The first failure stops the steps running beside it: a broken registry is never built on.
        if (!stop.signal.aborted) {
          failure = error;
          stop.abort();
        }
        return { ok: false };
      }
    },
    () => ({ ok: false }),
  );
  if (failure) throw failure;
}

/**
 * Runs one step with the Node that runs this code. With `echo`, its output goes to the terminal;
 * otherwise it is kept and shown only if the step fails. `env` adds to the environment (e.g.
 * SITE_URL for a build with a public address); `signal` stops it. Resolves to the step's duration
 * in seconds.
 */
export function runStep(
  step: BuildStep,
  options: { echo: boolean; env?: Record<string, string>; signal?: AbortSignal },
): Promise<number> {
  const start = performance.now();
  // A test runner built on Vite (vitest) leaves its own BASE_URL in the environment, which would
  // override the base path the build sets from BASE_PATH.
  const { BASE_URL: _runnersBase, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [step.script, ...step.args], {
      env: { ...inherited, ...options.env, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: options.echo ? "inherit" : ["ignore", "pipe", "pipe"],
      signal: options.signal,
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve((performance.now() - start) / 1000);
      else
        reject(
          new Error(
            `${step.label} (${step.script} ${step.args.join(" ")}) exited with ${code}:\n${output.slice(-8000)}`,
          ),
        );
    });
  });
}

/**
 * Moves the site an earlier build left in `outDir` aside (a sibling `<name>.earlier-…`) and deletes
 * it while the new one is built, with any such folder an interrupted build left. Astro would
 * otherwise delete it file by file before it starts: for a site of 10,000 deployments (97,000
 * files) that took 48 s here, as the disk discards every freed block. A folder that holds the
 * project itself, or cannot be moved, is left for Astro to empty. Resolves once all are gone.
 */
export function setAsideEarlierSite(outDir: string, projectDir = process.cwd()): Promise<void> {
  const site = resolve(outDir);
  const prefix = `${basename(site)}.earlier-`;
  const holdsProject = !relative(site, projectDir).startsWith("..");
  if (holdsProject || !existsSync(dirname(site))) return Promise.resolve();
  if (existsSync(site)) {
    try {
      renameSync(site, join(dirname(site), `${prefix}${process.pid}-${Date.now()}`));
    } catch {
      // Another file system or a mount point: Astro empties it in place.
    }
  }
  const earlier = readdirSync(dirname(site)).filter((name) => name.startsWith(prefix));
  return Promise.all(earlier.map((name) => rm(join(dirname(site), name), { recursive: true, force: true }))).then(
    () => undefined,
  );
}
