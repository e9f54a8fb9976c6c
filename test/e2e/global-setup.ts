/**
 * Builds the site once from the real data, with the same steps as `npm run build`, into a private folder, serves it on a free port and hands the address to the tests.
 * The private folder keeps the run apart from any `dist/` a person is building at the same time.
 */
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { serveStatic } from "./static-server.ts";
import { dataFingerprint } from "./data-fingerprint.ts";
import { runBuild } from "../../src/lib/build/build-steps.ts";

/**
 * The e2e build is a preview (no SITE_URL), as a build on a contributor's machine is, linked to a
 * GitHub test repository so that correction, edit and commit links exist to check. Set here, before
 * any test worker starts, so the tests read the same configuration (src/config.ts) the build did.
 */
export const e2eRepositoryUrl = "https://github.com/registry-e2e/messenger-register";
delete process.env.SITE_URL;
delete process.env.BASE_PATH;
process.env.REGISTRY_REPOSITORY_URL = e2eRepositoryUrl;
delete process.env.REGISTRY_CORRECTIONS_EMAIL;

declare module "vitest" {
  export interface ProvidedContext {
    /** Address of the served build, e.g. http://127.0.0.1:40123 (no trailing slash). */
    baseUrl: string;
    /** Fingerprint of data/ the site was built from; see data-fingerprint.ts. */
    dataFingerprint: string;
    /** The folder the site was built into, for tests that go through every built file. */
    builtDir: string;
  }
}

/**
 * Builds into `outDir` and returns the fingerprint of the data it was built from. data/ may be
 * edited while the site builds; then it builds again, so site and records agree.
 */
async function buildSite(outDir: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const before = dataFingerprint();
    await runBuild(outDir, { echo: false });
    if (dataFingerprint() === before) return before;
    if (attempt === 3) throw new Error("data/ kept changing while the site was built; run the tests again");
  }
}

export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(join(tmpdir(), "registry-e2e-"));
  // Also when the run is cut short (Ctrl-C, a closed pipe) and teardown never comes.
  const removeBuild = () => rmSync(outDir, { recursive: true, force: true });
  process.once("exit", removeBuild);
  let builtFrom: string;
  try {
    builtFrom = await buildSite(outDir);
  } catch (error) {
    removeBuild();
    throw error;
  }
  const server = await serveStatic(outDir);
  project.provide("baseUrl", server.url);
  project.provide("dataFingerprint", builtFrom);
  project.provide("builtDir", outDir);
  return async () => {
    await server.close();
    process.off("exit", removeBuild);
    await rm(outDir, { recursive: true, force: true });
  };
}
