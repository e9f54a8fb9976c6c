/**
 * Lets the tests that build a site of their own (the hostile fixture, a published build) take
 * turns. Astro writes its intermediate files into the project's `.astro/.prerender/` whenever the
 * output folder lies outside the project, as every test build's does, and deletes that folder
 * when it is done: two builds at once, in two test workers, break each other.
 */
import { mkdirSync, rmSync, statSync } from "node:fs";

const lock = ".cache/e2e-build.lock";
/** A lock older than any build was left by a run that was killed. */
const staleAfterMs = 15 * 60_000;

/** Runs `build` once no other test's build is running, holding the lock (a folder) meanwhile. */
export async function oneBuildAtATime<T>(build: () => Promise<T>): Promise<T> {
  mkdirSync(".cache", { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleAfterMs) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
