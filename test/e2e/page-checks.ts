/**
 * Loading a page in Chromium while watching everything that should not happen: a request to
 * another origin, a Content-Security-Policy violation, a console error, an uncaught exception,
 * a dialog (an injected `alert`). And axe-core's WCAG 2.2 A/AA check of what is on screen.
 * The page's own policy stays enforced throughout: axe is evaluated through the DevTools
 * protocol, which a page's CSP does not govern, rather than injected as a script tag.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
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
  const trouble: PageTrouble = { foreignRequests: [], cspViolations: [], consoleErrors: [], pageErrors: [], dialogs: [] };
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
        report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`);
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

const axeSource = readFileSync(resolve("node_modules/axe-core/axe.min.js"), "utf8");
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };

/** Runs axe-core on the open page; one line per WCAG 2.2 A/AA violation, naming the elements concerned. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => ({ target })) }));
  }, wcagTags);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`);
}
