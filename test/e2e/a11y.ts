/**
 * What the accessibility test files share: axe-core run on an open page, and the entry page they
 * check. The checks are split over two files so that the browser workers share them out.
 */
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { deploymentById } from "./site.ts";

const axePath = resolve("node_modules/axe-core/axe.min.js");
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The entry page the accessibility checks open. */
export const entry = deploymentById("de-he-polizei-hepolchat");

type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };

/** Runs axe on the open page and describes each violation with the elements it concerns. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  }, wcagTags);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`);
}
