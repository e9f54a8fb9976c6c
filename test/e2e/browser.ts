/**
 * Debian's Chromium through playwright-core, headless and without any network chatter: one per
 * test worker, shared by the test files that worker runs one after another.
 */
import { chromium, type Browser } from "playwright-core";

/** Path of the system Chromium; override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts a headless Chromium with the flags this environment needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * The calling worker's Chromium, started on first use. The e2e project does not isolate test
 * files (vitest.config.ts), so this module, and the browser, lives as long as the worker;
 * playwright-core ends the browser when the worker process exits.
 */
export function sharedBrowser(): Promise<Browser> {
  workerBrowser ??= launchBrowser();
  return workerBrowser;
}
