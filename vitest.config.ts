import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Two cores on the usual machine: a third worker keeps both busy while another waits on the browser.
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Builds and serves the site once, and only when end-to-end tests are part of the run.
          globalSetup: ["test/e2e/global-setup.ts"],
          // The browser tests only read the served build, so one worker runs file after file in the
          // same module graph: one browser and one reading of data/ per worker (test/e2e/browser.ts).
          isolate: false,
          // Tests a file runs side by side (test/e2e/a11y.test.ts): enough to keep both cores busy
          // without stretching each test towards its timeout.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
