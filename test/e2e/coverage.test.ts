// The coverage page's gaps: it names the first few of each kind, and each kind's own pages name
// every record with that gap, as the records give them.
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.ts";
import { validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { idsThroughPages, languages, open, squash, useBrowser } from "./site.ts";

const browser = useBrowser();
const { registry } = validateRegistry("data");
/** Every record with an open question, as collection/id. */
const withOpenQuestions = (["deployments", "products", "positions"] as const).flatMap((collection) =>
  (registry[collection] as { id: string; data: { openQuestions?: unknown[] } }[])
    .filter((record) => (record.data.openQuestions ?? []).length > 0)
    .map((record) => `${collection}/${record.id}`),
);

describe.each(languages)("coverage (%s)", (lang) => {
  it("lists every record with open questions on the pages its section leads to", async () => {
    expect(withOpenQuestions.length, "the data should have open questions").toBeGreaterThan(0);
    const page = await browser().newPage();
    await open(page, `/${lang}/coverage/`);
    const section = page.locator('[data-coverage-kind="open-questions"]');
    expect(squash(await section.locator("h3").textContent())).toBe(
      `${t(lang).coveragePage.openQuestions} (${withOpenQuestions.length})`,
    );
    const list = await section.locator("a[data-full-list]").getAttribute("href");
    await open(page, list!);
    const listed = await idsThroughPages(page, ".findings > li[data-id]", (next) => open(page, next));
    expect(listed.sort()).toEqual([...withOpenQuestions].sort());
    await page.close();
  });
});
