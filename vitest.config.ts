import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // One worker more than cores (three on two): a browser test spends part of its time waiting on
    // Chromium, which runs in processes of its own, and meanwhile another worker uses the core.
    maxWorkers: availableParallelism() + 1,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Builds and serves the site once, and only when end-to-end tests are part of the run.
          globalSetup: ["test/e2e/global-setup.ts"],
          // The browser tests only read the served build, so a worker runs its files one after
          // another in one module graph: one browser and one reading of data/ per worker
          // (test/e2e/browser.ts, site.ts).
          isolate: false,
          // Workers outnumber cores, so a page takes longer than it would alone; the axe check of the
          // full table needs over 30 s on a busy two-core machine.
          testTimeout: 90_000,
          // What a page does after a key or a click (a search 250 ms after the last key, a filter
          // redrawing the table) can take seconds there too; vitest's default of 1 s is too short.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
