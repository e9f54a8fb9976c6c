/**
 * What the accessibility test files share: axe-core run on an open page. The checks are split
 * over several files so that the browser workers share them out.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";

const axeSource = readFileSync(resolve("node_modules/axe-core/axe.min.js"), "utf8");
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };

/**
 * Runs axe on the open page and describes each WCAG 2.2 A/AA violation with the elements it
 * concerns. axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy
 * does not govern (a script tag would be refused), so the page is checked with its policy in force.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  }, wcagTags);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`);
}
