// The build runs the steps that need only the records beside Astro, and places what they wrote
// into the site afterwards, without ever replacing a file another step wrote.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildSteps,
  moveInto,
  runBuild,
  runPipeline,
  stagedDir,
  type BuildStep,
  type StepResult,
} from "../../src/lib/build/build-steps.ts";
import { temporaryFolders } from "../temp-folders.ts";

const tempDir = temporaryFolders("build-pipeline-");
const write = (path: string, text: string) => {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
};

const step = (label: string, needs: string[], after: string[] = []): BuildStep => ({
  label,
  script: "unused",
  args: [],
  needs,
  after,
});

/** Runs `steps` with steps that take `ms` milliseconds (or fail, for those in `failing`), and logs starts and ends. */
async function runLogged(steps: BuildStep[], failing: string[] = [], ms = 30) {
  const log: string[] = [];
  const results = await runPipeline(
    tempDir(),
    steps,
    async (s) => {
      log.push(`start ${s.label}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${s.label}`);
      return { ok: !failing.includes(s.label), label: s.label, ran: true };
    },
    (s, reason) => ({ ok: false, label: s.label, ran: false, reason }),
  );
  return { log, results };
}

describe("the build pipeline", () => {
  it("writes the record files beside Astro, and the cards and the search index after it", async () => {
    const { log } = await runLogged(buildSteps("site"));
    const at = (entry: string) => log.indexOf(entry);
    const sideBySide = (a: string, b: string) => at(`start ${a}`) < at(`end ${b}`) && at(`start ${b}`) < at(`end ${a}`);
    expect(sideBySide("astro build", "record files")).toBe(true);
    // The cards take every core, so they are drawn after Astro, beside the search index.
    expect(at("start social cards")).toBeGreaterThan(at("end astro build"));
    expect(sideBySide("social cards", "search index (de)")).toBe(true);
    expect(at("start astro build")).toBeGreaterThan(at("end validate"));
    expect(at("start place files")).toBeGreaterThan(Math.max(at("end astro build"), at("end record files")));
    expect(at("start search index (de)")).toBeGreaterThan(at("end astro build"));
    // The two indexes one after the other, so the indexer's memory is needed once.
    expect(at("start search index (en)")).toBeGreaterThan(at("end search index (de)"));
  });

  it("skips what needs a failed step, runs what only waited for it, and keeps the steps' order", async () => {
    const steps = [step("a", []), step("b", ["a"]), step("c", ["a"]), step("d", ["b"], ["c"])];
    const { results } = await runLogged(steps, ["c"]);
    expect(results.map((r) => [r.label, r.ran, r.ok])).toEqual([
      ["a", true, true],
      ["b", true, true],
      ["c", true, false],
      ["d", true, true],
    ]);
    const afterFailure = await runLogged(steps, ["b"]);
    expect(afterFailure.results.map((r) => [r.label, r.ran])).toEqual([
      ["a", true],
      ["b", true],
      ["c", true],
      ["d", false],
    ]);
  });

  it("stops at an invalid registry with the validator's report, and builds nothing", { timeout: 60_000 }, async () => {
    const site = join(tempDir(), "site");
    const env = { REGISTRY_DATA_DIR: join(import.meta.dirname, "../fixtures/invalid") };
    await expect(runBuild(site, { echo: false, env })).rejects.toThrow(
      /^validate \(.*exited with 1:\n[^]*unknown field/,
    );
    expect(existsSync(site)).toBe(false);
    expect(existsSync(stagedDir(site))).toBe(false);
  });

  it("clears what an interrupted build left to be placed", async () => {
    const site = join(tempDir(), "site");
    write(join(stagedDir(site), "social-cards", "og", "stale.png"), "old");
    await runPipeline<StepResult>(
      site,
      [],
      async () => ({ ok: true }),
      () => ({ ok: false }),
    );
    expect(existsSync(stagedDir(site))).toBe(false);
  });
});

describe("placing staged files into the site", () => {
  it("moves a folder the site lacks whole and merges one it has", () => {
    const dir = tempDir();
    const [from, to] = [join(dir, "from"), join(dir, "to")];
    write(join(from, "og", "de", "card.png"), "card");
    write(join(from, "api", "v1", "deployments", "x.json"), "{}");
    write(join(to, "api", "v1", "deployments.json"), "[]");
    const folder = statSync(join(from, "og")).ino;
    moveInto(from, to);
    expect(statSync(join(to, "og")).ino).toBe(folder);
    expect(readFileSync(join(to, "og", "de", "card.png"), "utf8")).toBe("card");
    expect(readdirSync(join(to, "api", "v1")).sort()).toEqual(["deployments", "deployments.json"]);
    expect(existsSync(from)).toBe(false);
  });

  it("refuses to replace a file Astro wrote, and leaves that file as it was", () => {
    const dir = tempDir();
    const [from, to] = [join(dir, "from"), join(dir, "to")];
    write(join(from, "de", "index.html"), "from a step");
    write(join(to, "de", "index.html"), "from Astro");
    expect(() => moveInto(from, to)).toThrow(/de\/index\.html exists already/);
    expect(readFileSync(join(to, "de", "index.html"), "utf8")).toBe("from Astro");
  });
});
