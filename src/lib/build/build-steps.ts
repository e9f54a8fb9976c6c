/**
 * The steps that turn data/ into the published site, in order. `npm run build`, the browser
 * tests' setup and the benchmark all run exactly these, so they can never build different sites.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { languages } from "../../i18n/index.ts";

/** One build step: a Node script with its arguments. */
export type BuildStep = { label: string; script: string; args: string[] };

const tsx = "node_modules/tsx/dist/cli.mjs";
const pagefind = "node_modules/pagefind/lib/runner/bin.cjs";

/** The build of the site into `outDir`. */
export function buildSteps(outDir: string): BuildStep[] {
  return [
    { label: "validate", script: tsx, args: ["scripts/validate.ts"] },
    { label: "astro build", script: "node_modules/astro/bin/astro.mjs", args: ["build", "--outDir", outDir] },
    // The files each record has besides its pages, written directly: as Astro routes they cost a third of its step.
    { label: "record files", script: tsx, args: ["scripts/record-files.ts", outDir] },
    { label: "social cards", script: tsx, args: ["scripts/social-cards.ts", outDir] },
    // One index per language (pagefind/de/, pagefind/en/), so the indexer holds half the pages at a time.
    ...languages.map((lang) => ({
      label: `search index (${lang})`,
      script: pagefind,
      args: ["--site", outDir, "--glob", `${lang}/**/*.html`, "--output-subdir", `pagefind/${lang}`],
    })),
  ];
}

/**
 * Runs one step with the Node that runs this code. With `echo`, its output goes to the terminal;
 * otherwise it is kept and shown only if the step fails. `env` adds to the environment (e.g.
 * SITE_URL for a build with a public address). Resolves to the step's duration in seconds.
 */
export function runStep(step: BuildStep, options: { echo: boolean; env?: Record<string, string> }): Promise<number> {
  const start = performance.now();
  // A test runner built on Vite (vitest) leaves its own BASE_URL in the environment, which would
  // override the base path the build sets from BASE_PATH.
  const { BASE_URL: _runnersBase, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [step.script, ...step.args], {
      env: { ...inherited, ...options.env, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: options.echo ? "inherit" : ["ignore", "pipe", "pipe"],
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
