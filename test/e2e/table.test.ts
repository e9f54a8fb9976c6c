// The comparison table with JavaScript: filters, the live count, sorting, and views kept in the URL.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import { concreteDeployments, displayText, open, squash, titleText, useBrowser } from "./site.ts";

const browser = useBrowser();
const dict = t("de");
const total = concreteDeployments.length;
const countText = (shown: number) =>
  dict.table.count.replace("{shown}", String(shown)).replace("{total}", String(total));

const chosen = { protocol: "matrix", country: "DE", level: "state" } as const;
const matching = concreteDeployments.filter(
  (d) => d.protocol === chosen.protocol && d.country === chosen.country && d.data.level === chosen.level,
);

/** Opens the German table and waits until its script has shown the filter form. */
async function openTable(query = ""): Promise<Page> {
  const page = await browser().newPage();
  await open(page, `/de/table/${query}`);
  await page.locator("#table-filters").waitFor({ state: "visible" });
  return page;
}

/** Ids of the rows a reader can see, top to bottom. */
async function visibleRowIds(page: Page): Promise<string[]> {
  return page
    .locator("tbody tr[data-id]")
    .evaluateAll((rows) =>
      rows.filter((row) => (row as HTMLElement).checkVisibility()).map((row) => row.getAttribute("data-id")!),
    );
}

/** What the filters currently show as chosen. */
async function selectValues(page: Page) {
  return {
    protocol: await page.locator('select[name="protocol"]').inputValue(),
    country: await page.locator('select[name="country"]').inputValue(),
    level: await page.locator('select[name="level"]').inputValue(),
  };
}

/** Chooses Matrix, Deutschland and state level by their visible labels, as a reader would. */
async function chooseFilters(page: Page): Promise<void> {
  await page.locator('select[name="protocol"]').selectOption({ label: dict.label.protocol.matrix });
  await page.locator('select[name="country"]').selectOption({ label: dict.country.DE! });
  await page.locator('select[name="level"]').selectOption({ label: dict.label.level.state });
}

describe("comparison table with JavaScript", () => {
  it("counts every concrete deployment, leaving practices and offers apart", async () => {
    const page = await openTable();
    await expect.poll(() => page.locator("#table-count").textContent()).toBe(countText(total));
    expect((await visibleRowIds(page)).sort()).toEqual(concreteDeployments.map((d) => d.id).sort());
    await page.close();
  });

  it("shows only matching rows when filtered, with the count and the URL following", async () => {
    expect(matching.length, "the data should have state-level Matrix deployments in Germany").toBeGreaterThan(0);
    const page = await openTable();
    await chooseFilters(page);

    const shown = await visibleRowIds(page);
    expect(shown.sort()).toEqual(matching.map((d) => d.id).sort());
    for (const id of shown) {
      const row = page.locator(`tr[data-id="${id}"]`);
      const expected = concreteDeployments.find((d) => d.id === id)!;
      expect(await row.getAttribute("data-filter-protocol"), id).toBe(expected.protocol);
      expect(await row.getAttribute("data-filter-country"), id).toBe(expected.country);
      expect(await row.getAttribute("data-filter-level"), id).toBe(expected.data.level);
      expect(squash(await row.locator("th a").textContent()), id).toBe(
        displayText(expected.data.authorities[0]!.name, "de"),
      );
    }
    await expect.poll(() => page.locator("#table-count").textContent()).toBe(countText(matching.length));

    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual(chosen);
    await page.close();
  });

  it("reproduces a filtered view from its URL in a fresh page", async () => {
    const page = await openTable(`?${new URLSearchParams(chosen)}`);
    expect((await visibleRowIds(page)).sort()).toEqual(matching.map((d) => d.id).sort());
    expect(await selectValues(page)).toEqual(chosen);
    expect(await page.locator("#table-count").textContent()).toBe(countText(matching.length));
    await page.close();
  });

  it("shows everything again after reset", async () => {
    const page = await openTable();
    await chooseFilters(page);
    expect(await visibleRowIds(page)).toHaveLength(matching.length);
    await page.getByRole("button", { name: dict.table.reset }).click();

    await expect.poll(() => visibleRowIds(page).then((ids) => ids.length)).toBe(total);
    expect(await page.locator("#table-count").textContent()).toBe(countText(total));
    expect(await selectValues(page)).toEqual({ protocol: "", country: "", level: "" });
    expect(new URL(page.url()).search).toBe("");
    await page.close();
  });

  it("sorts by authority when its header is clicked, and reverses on a second click", async () => {
    const collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });
    const ascending = [...concreteDeployments]
      .sort((a, b) => collator.compare(titleText(a, "de"), titleText(b, "de")))
      .map((d) => displayText(d.data.authorities[0]!.name, "de"));
    const page = await openTable();
    const header = page.locator('th[data-column="authority"]');
    const shownTitles = async () => (await page.locator("tbody tr[data-id] th a").allTextContents()).map(squash);

    await header.getByRole("button", { name: dict.field.authority }).click();
    expect(await shownTitles()).toEqual(ascending);
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("authority");

    await header.getByRole("button", { name: dict.field.authority }).click();
    expect(await shownTitles()).toEqual([...ascending].reverse());
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
    await page.close();
  });
});
