// The language switch leads to the same page in the other language, and back.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { t, type Lang } from "../../src/i18n/index.ts";
import { open, records, squash, titleText, useBrowser } from "./site.ts";

const browser = useBrowser();

/** Clicks the header's language switch (labelled with the other language's name) and waits for the page. */
async function switchLanguage(page: Page, from: Lang, to: Lang): Promise<void> {
  const link = page.locator("header").getByRole("link", { name: t(from).languageSwitch, exact: true });
  await Promise.all([page.waitForURL((url) => url.pathname.startsWith(`/${to}/`)), link.click()]);
  expect(await page.locator("html").getAttribute("lang")).toBe(to);
}

describe("language switch", () => {
  it("leads from an entry page to the same entry in English and back", async () => {
    const entry = records.deployments[0]!;
    const page = await browser().newPage();
    await open(page, `/de/deployments/${entry.id}/`);

    await switchLanguage(page, "de", "en");
    expect(new URL(page.url()).pathname).toBe(`/en/deployments/${entry.id}/`);
    expect(await page.locator("article").getAttribute("data-deployment-id")).toBe(entry.id);
    expect(squash(await page.locator("h1").textContent())).toContain(titleText(entry, "en"));

    await switchLanguage(page, "en", "de");
    expect(new URL(page.url()).pathname).toBe(`/de/deployments/${entry.id}/`);
    expect(await page.locator("article").getAttribute("data-deployment-id")).toBe(entry.id);
    expect(squash(await page.locator("h1").textContent())).toContain(titleText(entry, "de"));
    await page.close();
  });

  it("leads from the German table to the English table", async () => {
    const page = await browser().newPage();
    await open(page, "/de/table/");
    await switchLanguage(page, "de", "en");
    expect(new URL(page.url()).pathname).toBe("/en/table/");
    expect(await page.locator("h1").textContent()).toBe(t("en").table.title);
    await page.close();
  });

  it("keeps the table's filters and sort when switching language", async () => {
    const page = await browser().newPage();
    await open(page, "/de/table/?protocol=matrix&level=state&sort=authority&dir=desc");
    const germanRows = await page
      .locator("tbody tr:not([hidden])")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-id")));
    await switchLanguage(page, "de", "en");
    const params = new URL(page.url()).searchParams;
    expect([params.get("protocol"), params.get("level"), params.get("sort"), params.get("dir")]).toEqual([
      "matrix",
      "state",
      "authority",
      "desc",
    ]);
    expect(await page.locator('input[name="protocol"][value="matrix"]').isChecked()).toBe(true);
    const englishRows = await page
      .locator("tbody tr:not([hidden])")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-id")));
    expect(englishRows.sort()).toEqual(germanRows.sort());
    expect(englishRows.length).toBeGreaterThan(0);
    await page.close();
  });

  it("keeps the search query when switching language", async () => {
    const page = await browser().newPage();
    await open(page, "/de/search/?q=Stashcat");
    await switchLanguage(page, "de", "en");
    expect(new URL(page.url()).searchParams.get("q")).toBe("Stashcat");
    expect(await page.locator("#search-input").inputValue()).toBe("Stashcat");
    await page.close();
  });
});
