/**
 * Loading a page in Chromium while watching everything that should not happen: a request to
 * another origin, a Content-Security-Policy violation, a console error, an uncaught exception,
 * a dialog (an injected `alert`).
 */
import type { BrowserContext, Page } from "playwright-core";

/** What went wrong while a page loaded; every list is empty on a sound page. */
export type PageTrouble = {
  foreignRequests: string[];
  cspViolations: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
};

/** A page opened by `openWatched`, with what has gone wrong on it so far. */
export type WatchedPage = { page: Page; trouble: PageTrouble };

/**
 * Opens `url` in a new page of `context` and waits until the network is quiet. A page that
 * forwards elsewhere (a meta refresh) is kept where it is, so the page itself is what gets checked.
 */
export async function openWatched(context: BrowserContext, url: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const trouble: PageTrouble = {
    foreignRequests: [],
    cspViolations: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
  };
  page.on("request", (request) => {
    const address = request.url();
    if (!address.startsWith(`${origin}/`) && !/^(data|blob):/.test(address)) trouble.foreignRequests.push(address);
  });
  page.on("console", (message) => {
    if (message.type() === "error") trouble.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => trouble.pageErrors.push(error.message));
  page.on("dialog", (dialog) => {
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => trouble.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
        report(
          `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`,
        );
      },
      true,
    );
  });
  await page.route("**/*", (route) => {
    const request = route.request();
    const leaves = request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url() !== url;
    return leaves && page.url() !== "about:blank" ? route.abort("aborted") : route.continue();
  });
  const response = await page.goto(url);
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForLoadState("networkidle");
  return { page, trouble };
}
