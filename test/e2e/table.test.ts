// The comparison table as a reader uses it: filters with counts, chips, sorting, columns, CSV of the view, cards on a phone.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import { concreteDeployments, displayText, headline, open, squash, titleText, useBrowser } from "./site.ts";

const browser = useBrowser();
const dict = t("de");
const view = dict.tableView;
const total = concreteDeployments.length;
const countText = (shown: number) =>
  dict.table.count.replace("{shown}", String(shown)).replace("{total}", String(total));

const chosen = { protocol: "matrix", country: "DE", level: "state" } as const;
const matching = concreteDeployments.filter(
  (d) => d.protocol === chosen.protocol && d.country === chosen.country && d.data.level === chosen.level,
);
const germanCollator = new Intl.Collator("de", { sensitivity: "base" });
const countryName = (code: string) => dict.jurisdiction(code);

/** Opens the German table at a width and waits until its script has shown the filter form. */
async function openTable(query = "", width = 1440): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 900 } });
  await open(page, `/de/table/${query}`);
  await page.locator("#table-filters").waitFor({ state: "attached" });
  await page.waitForFunction(() => !document.querySelector("#table-filters")!.hasAttribute("hidden"));
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

/** Opens a filter's list and ticks an option by its visible label, as a reader would. */
async function tick(page: Page, filterTitle: string, optionLabel: string): Promise<void> {
  const filter = page.locator("details.filter", { has: page.locator(".filter-title", { hasText: filterTitle }) });
  if (!(await filter.evaluate((el) => (el as HTMLDetailsElement).open))) await filter.locator("summary").click();
  await filter.getByRole("checkbox", { name: new RegExp(`^${optionLabel}\\s+\\d+$`) }).check();
}

async function chooseFilters(page: Page): Promise<void> {
  await tick(page, dict.field.protocol, dict.label.protocol.matrix);
  await tick(page, dict.field.country, countryName("DE"));
  await tick(page, dict.field.level, dict.label.level.state);
}

describe("comparison table with JavaScript", () => {
  it("lists every concrete deployment (practices and offers apart), ordered by country and then authority", async () => {
    const page = await openTable();
    await expect.poll(() => page.locator("#table-count").textContent()).toBe(countText(total));
    const expected = [...concreteDeployments]
      .sort(
        (a, b) =>
          germanCollator.compare(countryName(a.country), countryName(b.country)) ||
          germanCollator.compare(titleText(a, "de"), titleText(b, "de")) ||
          a.id.localeCompare(b.id),
      )
      .map((d) => d.id);
    expect(await visibleRowIds(page)).toEqual(expected);
    await page.close();
  });

  it("shows only matching rows when filtered, with the count, chips and the URL following", async () => {
    expect(matching.length, "the data should have state-level Matrix deployments in Germany").toBeGreaterThan(0);
    const page = await openTable();
    await chooseFilters(page);
    expect((await visibleRowIds(page)).sort()).toEqual(matching.map((d) => d.id).sort());
    await expect.poll(() => page.locator("#table-count").textContent()).toBe(countText(matching.length));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(chosen);
    const chips = (await page.locator("#active-filters button").allTextContents()).map(squash);
    expect(chips).toEqual([
      `${dict.field.country}: ${countryName("DE")} ×`,
      `${dict.field.level}: ${dict.label.level.state} ×`,
      `${dict.field.protocol}: ${dict.label.protocol.matrix} ×`,
    ]);
    await page.close();
  });

  it("counts each filter option given the other filters", async () => {
    const page = await openTable();
    const optionCount = (filter: string, value: string) =>
      page.locator(`details[data-filter="${filter}"] [data-count-for="${value}"]`).textContent();
    const matrix = concreteDeployments.filter((d) => d.protocol === "matrix");
    expect(await optionCount("protocol", "matrix")).toBe(String(matrix.length));
    await tick(page, dict.field.country, countryName("DE"));
    expect(await optionCount("protocol", "matrix")).toBe(String(matrix.filter((d) => d.country === "DE").length));
    await page.close();
  });

  it("shows either of two values of one filter, and drops one with its chip", async () => {
    const either = concreteDeployments.filter((d) => ["matrix", "xmpp"].includes(d.protocol));
    const xmpp = concreteDeployments.filter((d) => d.protocol === "xmpp");
    const page = await openTable();
    await tick(page, dict.field.protocol, dict.label.protocol.matrix);
    await tick(page, dict.field.protocol, dict.label.protocol.xmpp);
    expect((await visibleRowIds(page)).sort()).toEqual(either.map((d) => d.id).sort());
    expect(new URL(page.url()).searchParams.get("protocol")).toBe("matrix,xmpp");
    await page
      .getByRole("button", { name: view.removeFilter(dict.field.protocol, dict.label.protocol.matrix) })
      .click();
    expect((await visibleRowIds(page)).sort()).toEqual(xmpp.map((d) => d.id).sort());
    expect(new URL(page.url()).searchParams.get("protocol")).toBe("xmpp");
    await page.close();
  });

  it("reproduces a filtered view with chosen columns from its URL in a fresh page", async () => {
    const page = await openTable(`?${new URLSearchParams(chosen)}&cols=authority,protocol,status`);
    expect((await visibleRowIds(page)).sort()).toEqual(matching.map((d) => d.id).sort());
    expect(await page.locator("#table-count").textContent()).toBe(countText(matching.length));
    const headers = await page
      .locator("thead th")
      .evaluateAll((cells) => cells.filter((c) => (c as HTMLElement).checkVisibility()).map((c) => c.dataset.column));
    expect(headers).toEqual(["authority", "protocol", "status"]);
    await page.close();
  });

  it("shows everything again after reset", async () => {
    const page = await openTable();
    await chooseFilters(page);
    await page.keyboard.press("Escape");
    expect(await page.locator("details.filter[open]").count()).toBe(0);
    await page.getByRole("button", { name: dict.table.reset }).click();
    await expect.poll(() => visibleRowIds(page).then((ids) => ids.length)).toBe(total);
    expect(await page.locator("#active-filters").isVisible()).toBe(false);
    expect(new URL(page.url()).search).toBe("");
    await page.close();
  });

  it("shows that every header sorts, sorts by authority when clicked, and reverses on a second click", async () => {
    const collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });
    const ascending = [...concreteDeployments]
      .sort((a, b) => collator.compare(titleText(a, "de"), titleText(b, "de")))
      .map((d) => displayText(d.data.authorities[0]!.name, "de"));
    const page = await openTable();
    const cues = await page
      .locator("thead th .sort-button")
      .evaluateAll((buttons) => buttons.map((b) => getComputedStyle(b, "::after").content));
    expect(cues.length).toBeGreaterThan(5);
    for (const cue of cues) expect(cue).toContain("↕");
    const header = page.locator('thead th[data-column="authority"]');
    const shownTitles = async () => (await page.locator("tbody tr[data-id] th a").allTextContents()).map(squash);

    await header.getByRole("button", { name: dict.field.authority }).click();
    expect(await shownTitles()).toEqual(ascending);
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(await header.locator(".sort-button").evaluate((b) => getComputedStyle(b, "::after").content)).toContain("▲");
    await header.getByRole("button", { name: dict.field.authority }).click();
    expect(await shownTitles()).toEqual([...ascending].reverse());
    expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
    await page.close();
  });

  it("hides a column chosen away, keeps the choice in the URL and offers all columns back", async () => {
    const page = await openTable();
    const chooser = page.locator("details.column-chooser");
    await chooser.locator("summary").click();
    await chooser.getByRole("checkbox", { name: dict.field.level }).uncheck();
    expect(await page.locator('thead th[data-column="level"]').isVisible()).toBe(false);
    expect(await page.locator('tbody td[data-column="level"]').first().isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.get("cols")).not.toContain("level");
    await page.getByRole("button", { name: view.showAllColumns }).click();
    expect(await page.locator('thead th[data-column="level"]').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.has("cols")).toBe(false);
    await page.close();
  });

  it("downloads exactly the rows and columns shown as CSV", async () => {
    const page = await openTable(`?protocol=matrix&cols=authority,protocol,federation`);
    const expectedIds = concreteDeployments.filter((d) => d.protocol === "matrix").map((d) => d.id);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: view.download }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe([dict.field.authority, dict.field.protocol, dict.field.federation].join(","));
    expect(lines).toHaveLength(expectedIds.length + 1);
    for (const id of expectedIds) {
      const d = concreteDeployments.find((e) => e.id === id)!;
      const federation = headline(d.data.federation, "unknown");
      const line = lines.find((l) => l.includes(displayText(d.data.authorities[0]!.name, "de").split(",")[0]!));
      expect(line, id).toBeDefined();
      expect(line).toContain(dict.label.protocol.matrix);
      if (federation !== "disputed") expect(line).toContain(dict.label.federationStatus[federation]);
    }
    await page.close();
  });

  it("shows a dispute as a short chip that opens to show the competing values", async () => {
    const disputed = concreteDeployments.find((d) => headline(d.data.federation, "unknown") === "disputed")!;
    const values = [...new Set(disputed.data.federation.map((c) => c.value))];
    const page = await openTable();
    const cell = page.locator(`tr[data-id="${disputed.id}"] td[data-column="federation"]`);
    expect(squash(await cell.locator("summary").textContent())).toBe(`${dict.disputed} (${values.length})`);
    expect(await cell.locator(".dispute-values").isVisible()).toBe(false);
    await cell.locator("summary").click();
    expect((await cell.locator(".dispute-values li").allTextContents()).map(squash)).toEqual(
      values.map((v) => dict.label.federationStatus[v]),
    );
    await page.close();
  });

  it("fits every column at 1440 pixels and keeps the header row in sight while scrolling", async () => {
    const page = await openTable();
    const wrap = page.locator(".table-wrap");
    const { scrollWidth, clientWidth } = await wrap.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await page.locator("#table-more-columns").isVisible()).toBe(false);
    await wrap.evaluate((el) => el.scrollTo(0, 2000));
    const headerTop = await page
      .locator("thead th")
      .first()
      .evaluate((th) => th.getBoundingClientRect().top);
    const wrapTop = await wrap.evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(headerTop - wrapTop)).toBeLessThan(3);
    await page.close();
  });

  it("says more columns exist where the table is wider than the window", async () => {
    const page = await openTable("", 900);
    expect(await page.locator("#table-more-columns").isVisible()).toBe(true);
    await page.close();
  });

  it("chooses rows for the compare view", async () => {
    const page = await openTable();
    const [a, b] = await visibleRowIds(page);
    await page.locator(`tr[data-id="${a}"] .row-compare input`).check();
    await page.locator(`tr[data-id="${b}"] .row-compare input`).check();
    const link = page.getByRole("link", { name: view.compareSelected(2) });
    expect(await link.getAttribute("href")).toBe(`/de/compare/?ids=${a},${b}`);
    await page.close();
  });

  it("filters with the keyboard alone", async () => {
    const page = await openTable();
    const summary = page.locator('details[data-filter="protocol"] summary');
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    const first = await page.locator('details[data-filter="protocol"] input').first().getAttribute("value");
    const expected = concreteDeployments.filter((d) => d.protocol === first);
    expect((await visibleRowIds(page)).sort()).toEqual(expected.map((d) => d.id).sort());
    await page.close();
  });
});

describe("comparison table on a phone", () => {
  it("shows rows as cards with labelled values and the filters behind a toggle", async () => {
    const page = await openTable("", 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const toggle = page.getByRole("button", { name: view.filterToggle(0) });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator('details[data-filter="protocol"]').isVisible()).toBe(false);
    const firstCell = page.locator("tbody tr[data-id] td[data-column='protocol']").first();
    expect(await firstCell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe(`"${dict.field.protocol}"`);
    await toggle.click();
    await tick(page, dict.field.protocol, dict.label.protocol.matrix);
    expect(await page.getByRole("button", { name: view.filterToggle(1) }).count()).toBe(1);
    await page.close();
  });

  it("sorts the cards with the sort choice, as the hidden header row would", async () => {
    const collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });
    const descending = [...concreteDeployments]
      .sort((a, b) => collator.compare(titleText(b, "de"), titleText(a, "de")))
      .map((d) => displayText(d.data.authorities[0]!.name, "de"));
    const page = await openTable("", 390);
    await page.getByRole("button", { name: view.filterToggle(0) }).click();
    await page.getByRole("combobox", { name: view.sortBy, exact: true }).selectOption({ label: dict.field.authority });
    await page
      .getByRole("combobox", { name: view.sortDirection, exact: true })
      .selectOption({ label: view.descending });
    const shownTitles = (await page.locator("tbody tr[data-id] th a").allTextContents()).map(squash);
    expect(shownTitles).toEqual(descending);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("authority");
    expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
    await page.close();
  });
});
