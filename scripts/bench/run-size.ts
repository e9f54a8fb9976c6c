/**
 * One size of the benchmark: makes the registry (or takes data/ as it is), times the validator,
 * builds the site with the real pipeline twice (cold: no caches; warm: social-card cache filled),
 * weighs the warm site, builds the bare-Astro floor for as many pages, and checks that every step
 * read the registry it was given.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CollectionName } from "../../src/schema/index.ts";
import { buildSteps, runPipeline } from "../../src/lib/build/build-steps.ts";
import { countryUrl, deploymentUrl, homeUrl, overviewUrl, searchUrl, tableUrl } from "../../src/lib/site/urls.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { snapshotFile } from "../../src/lib/validation/snapshot.ts";
import { writeFloorProject } from "./bare-astro-floor.ts";
import { runMeasured, skipped, type StepMeasurement } from "./measured-run.ts";
import {
  pageWeight,
  queryWeight,
  siteWeights,
  type PageWeight,
  type QueryWeight,
  type SiteWeights,
} from "./site-weights.ts";
import { writeSyntheticRegistry } from "./synthetic-registry.ts";

/** Limits every measured step runs under. */
export type Limits = { timeoutSeconds: number; memoryGuardBytes: number };

/** A check that the build read the registry it was given. */
export type DataFolderCheck = { check: string; pass: boolean | undefined; detail: string };

/** Everything measured at one size. */
export type SizeRun = {
  /** "real" for data/ as it is, otherwise the number of deployments asked for. */
  size: "real" | number;
  records: Record<CollectionName, number>;
  plainCopies: number;
  generateSeconds?: number;
  validator: StepMeasurement;
  /** The validator again after one file changed, reusing the first run's checks of the others. */
  validatorOneChanged: StepMeasurement;
  cold: StepMeasurement[];
  warm: StepMeasurement[];
  /** The wall-clock time of each whole build (its steps partly run side by side), when every step finished. */
  buildSeconds: { cold?: number; warm?: number };
  floor: { pages: number; pagesEstimated: boolean; cold: StepMeasurement; warm: StepMeasurement };
  /** The real record whose entry page is weighed at every size, and the country with most entries. */
  entryId: string;
  countryCode: string;
  site?: SiteWeights;
  /** The largest entry page with what it loads. */
  largestEntry?: PageWeight;
  query?: QueryWeight;
  placeQuery?: QueryWeight;
  checks: DataFolderCheck[];
};

const astroCache = resolve("node_modules/.astro");
const astroMarkers = {
  "content synced": /\[content\] Synced content/,
  "pages started": /generating static routes/,
  "pages rendered": /^\S*\s*✓ Completed in/,
};

/** The public address and the repository the benchmark's builds are given (see `runSize`). */
const benchSiteUrl = "https://registry.example.org";
const benchRepositoryUrl = "https://github.com/registry-bench/registry";

/**
 * Runs the pipeline's steps into `outDir`, side by side where `npm run build` runs them so. Unlike
 * `npm run build`, a step still runs when one it does not need failed or was stopped (the search
 * index does not need the cards), so one slow step does not hide the others' numbers. `seconds`
 * is the wall-clock time of the whole build, when every step finished.
 */
async function build(outDir: string, env: NodeJS.ProcessEnv, limits: Limits, log: (line: string) => void) {
  const start = performance.now();
  const steps = await runPipeline(
    outDir,
    buildSteps(outDir),
    async (step) => {
      const result = await runMeasured({
        label: step.label,
        script: step.script,
        args: step.args,
        env,
        ...limits,
        markers: step.label === "astro build" ? astroMarkers : undefined,
      });
      log(`  ${step.label}: ${result.outcome}, ${result.seconds?.toFixed(1)} s`);
      return Object.assign(result, { ok: result.outcome === "ok" });
    },
    (step, reason) => Object.assign(skipped(step.label, reason), { ok: false }),
  );
  const seconds = steps.every((step) => step.ok) ? (performance.now() - start) / 1000 : undefined;
  return { steps: steps.map(({ ok: _ok, ...step }) => step as StepMeasurement), seconds };
}

/** The biggest deployment file among the real ones: its entry page is the heaviest typical page, and it exists at every size. */
function heaviestRealEntry(dataDir: string, ids: string[]): string {
  return [...ids].sort(
    (a, b) => fileSize(join(dataDir, "deployments", `${b}.yaml`)) - fileSize(join(dataDir, "deployments", `${a}.yaml`)),
  )[0]!;
}
const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** Measures one size; `workDir` is a temporary folder this run may fill and leaves for the caller to remove. */
export async function runSize(
  size: "real" | number,
  options: { workDir: string; limits: Limits; queries: { typical: string }; log: (line: string) => void },
): Promise<SizeRun> {
  const { workDir, limits, log } = options;
  mkdirSync(workDir, { recursive: true });
  const realData = resolve("data");
  let dataDir = realData;
  let records: Record<CollectionName, number>;
  let plainCopies = 0;
  let generateSeconds: number | undefined;
  let cloneIds: string[] = [];
  let placeWord: string | undefined;
  let countryCode: string;
  const realIds = readdirSync(join(realData, "deployments"))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -5));
  if (size === "real") {
    const model = registryFromFiles(realData);
    records = {
      deployments: model.deployments.length,
      products: model.products.length,
      positions: model.positions.length,
    };
    const counts = new Map<string, number>();
    for (const deployment of model.deployments) {
      if (deployment.country) counts.set(deployment.country, (counts.get(deployment.country) ?? 0) + 1);
    }
    countryCode = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "DE";
  } else {
    log(`  generating ${size} deployments`);
    const start = performance.now();
    const registry = writeSyntheticRegistry({ sourceDir: realData, outDir: join(workDir, "data"), deployments: size });
    generateSeconds = (performance.now() - start) / 1000;
    dataDir = registry.dataDir;
    records = registry.counts;
    plainCopies = registry.plainCopies;
    cloneIds = registry.cloneDeploymentIds;
    placeWord = registry.commonPlaceWord;
    countryCode = registry.largestCountry;
  }
  const entryId = heaviestRealEntry(realData, realIds);
  const cardsCache = join(workDir, "social-card-cache");
  const env = {
    REGISTRY_DATA_DIR: dataDir,
    SOCIAL_CARDS_CACHE_DIR: cardsCache,
    BASE_PATH: undefined,
    // Built as the publish workflow builds it, with a public address (a domain reserved for
    // examples, never fetched), so the sitemap is made and measured too: a preview build has none;
    // and with a repository on GitHub (never fetched either), so every page carries the correction
    // links the published site has (at real data 30% of the heaviest entry page's bytes).
    SITE_URL: benchSiteUrl,
    REGISTRY_REPOSITORY_URL: benchRepositoryUrl,
  };

  // The validator reuses an earlier run's checks of unchanged files (src/lib/validation/snapshot.ts):
  // its first run starts without any, the second reuses all but the one file changed in between.
  const validateStep = buildSteps("unused")[0]!;
  const validatorRun = (label: string) =>
    runMeasured({ label, script: validateStep.script, args: [...validateStep.args, dataDir], env, ...limits });
  rmSync(snapshotFile(dataDir), { force: true });
  const validator = await validatorRun("validator");
  log(`  validator: ${validator.outcome}, ${validator.seconds?.toFixed(1)} s`);
  let validatorOneChanged: StepMeasurement;
  if (size === "real" || cloneIds.length === 0) {
    validatorOneChanged = skipped("validator, one file changed", "data/ is never changed");
  } else {
    appendFileSync(join(dataDir, "deployments", `${cloneIds[0]}.yaml`), "# changed by the benchmark\n");
    validatorOneChanged = await validatorRun("validator, one file changed");
    log(`  validator, one file changed: ${validatorOneChanged.outcome}, ${validatorOneChanged.seconds?.toFixed(1)} s`);
  }
  // The cold build validates from scratch too.
  rmSync(snapshotFile(dataDir), { force: true });

  log("  cold build (no caches)");
  rmSync(astroCache, { recursive: true, force: true });
  rmSync(cardsCache, { recursive: true, force: true });
  const coldDir = join(workDir, "site-cold");
  const { steps: cold, seconds: coldSeconds } = await build(coldDir, env, limits, log);
  const warmDir = join(workDir, "site-warm");
  let warm: StepMeasurement[];
  let warmSeconds: number | undefined;
  const coldBuiltSite = cold.find((step) => step.label === "astro build")?.outcome === "ok";
  if (coldBuiltSite) {
    rmSync(coldDir, { recursive: true, force: true });
    const unfinished = cold.filter((step) => step.outcome !== "ok").map((step) => `${step.label} ${step.outcome}`);
    log(
      `  warm build (card cache filled${unfinished.length ? `, as far as the cold build got: ${unfinished.join(", ")}` : ""})`,
    );
    ({ steps: warm, seconds: warmSeconds } = await build(warmDir, env, limits, log));
    for (const step of warm) {
      const coldStep = cold.find((other) => other.label === step.label);
      if (step.outcome === "ok" && coldStep?.outcome !== "ok")
        step.note = `cache only partly filled: cold ${coldStep?.outcome}`;
    }
  } else {
    warm = buildSteps("unused").map((step) => skipped(step.label, "the cold build did not build the site"));
  }
  // The site to weigh: the warm build's, or the cold one's if the warm build never ran.
  const final = warm.some((step) => step.outcome !== "skipped") ? warm : cold;
  const siteDir = final === warm ? warmDir : coldDir;
  const built = final.find((step) => step.label === "astro build")?.outcome === "ok";
  const indexSteps = final.filter((step) => step.label.startsWith("search index"));
  const indexed = indexSteps.length > 0 && indexSteps.every((step) => step.outcome === "ok");

  let site: SiteWeights | undefined;
  let largestEntry: PageWeight | undefined;
  let query: QueryWeight | undefined;
  let placeQuery: QueryWeight | undefined;
  if (built) {
    log("  weighing the site");
    site = siteWeights(siteDir, {
      home: homeUrl("de"),
      table: tableUrl("de"),
      overview: overviewUrl("de"),
      country: countryUrl("de", countryCode),
      entry: deploymentUrl("de", entryId),
    });
    if (site.largestEntryPage.path)
      largestEntry = pageWeight(siteDir, site.largestEntryPage.path.replace(/index\.html$/, ""));
    if (indexed) {
      query = await queryWeight(siteDir, "de", searchUrl("de"), options.queries.typical);
      if (placeWord) placeQuery = await queryWeight(siteDir, "de", searchUrl("de"), placeWord);
    }
  }

  const floorPages = site?.htmlPages ?? 2 * (records.deployments + records.products + records.positions);
  log(`  bare Astro floor, ${floorPages} pages`);
  const floorCommand = writeFloorProject(join(workDir, "floor"), floorPages);
  const floorCold = await runMeasured({ label: "bare astro (cold)", ...floorCommand, ...limits });
  const floorWarm =
    floorCold.outcome === "ok"
      ? await runMeasured({ label: "bare astro (warm)", ...floorCommand, ...limits })
      : skipped("bare astro (warm)", `cold ${floorCold.outcome}`);
  log(`  floor: ${floorCold.seconds?.toFixed(1)} s cold, ${floorWarm.seconds?.toFixed(1)} s warm`);

  const checks = dataFolderChecks({
    size,
    records,
    cold,
    warm,
    siteDir: built ? siteDir : undefined,
    realIds,
    cloneIds,
    placeQuery,
  });
  return {
    size,
    records,
    plainCopies,
    generateSeconds,
    validator,
    validatorOneChanged,
    cold,
    warm,
    buildSeconds: { cold: coldSeconds, warm: warmSeconds },
    floor: { pages: floorPages, pagesEstimated: site === undefined, cold: floorCold, warm: floorWarm },
    entryId,
    countryCode,
    site,
    largestEntry,
    query,
    placeQuery,
    checks,
  };
}

/** Did each step read the registry the benchmark generated, not data/ or a stale copy? */
function dataFolderChecks(run: {
  size: "real" | number;
  records: Record<CollectionName, number>;
  cold: StepMeasurement[];
  warm: StepMeasurement[];
  siteDir?: string;
  realIds: string[];
  cloneIds: string[];
  placeQuery?: QueryWeight;
}): DataFolderCheck[] {
  const checks: DataFolderCheck[] = [];
  const validate = [...run.warm, ...run.cold].find((step) => step.label === "validate" && step.outcome === "ok");
  const counted = validate?.output && /(\d+) deployments/.exec(validate.output)?.[1];
  checks.push({
    check: "validate step",
    pass: counted ? Number(counted) === run.records.deployments : undefined,
    detail: counted
      ? `validated ${counted} deployments; the registry has ${run.records.deployments}`
      : "its output does not say how many deployments it checked",
  });
  if (run.size === "real" || !run.siteDir) return checks;
  const siteDir = run.siteDir;
  const missingPages = run.cloneIds.filter((id) => !existsSync(join(siteDir, "de", "deployments", id, "index.html")));
  checks.push({
    check: "astro build",
    pass: missingPages.length === 0,
    detail: missingPages.length
      ? `no entry page for ${missingPages.join(", ")}`
      : `entry pages of generated records present`,
  });
  const missingItems = run.cloneIds.filter(
    (id) => !existsSync(join(siteDir, "api", "v1", "deployments", `${id}.json`)),
  );
  checks.push({
    check: "record files",
    pass: missingItems.length === 0,
    detail: missingItems.length
      ? `no API item for ${missingItems.join(", ")}`
      : "API items of generated records present",
  });
  const cardFiles = existsSync(join(siteDir, "og"))
    ? readdirSync(join(siteDir, "og"), { recursive: true }).map(String)
    : [];
  const namesRecord = (id: string) => cardFiles.some((file) => file.includes(`${id}.`) || file.includes(`${id}/`));
  const perEntryCards = run.realIds.some(namesRecord) || run.cloneIds.some(namesRecord);
  const missingCards = run.cloneIds.filter((id) => !namesRecord(id));
  checks.push({
    check: "social cards",
    pass: perEntryCards ? missingCards.length === 0 : undefined,
    detail: !perEntryCards
      ? "no card names an entry, so this cannot tell"
      : missingCards.length
        ? `no card for ${missingCards.join(", ")}`
        : "cards of generated records present",
  });
  checks.push({
    check: "search index",
    pass: run.placeQuery ? run.placeQuery.results > 0 : undefined,
    detail: run.placeQuery
      ? `"${run.placeQuery.query}" (a generated place) finds ${run.placeQuery.results} result(s)`
      : "no index to ask",
  });
  return checks;
}
