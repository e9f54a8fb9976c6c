// The compare view as a reader uses it: entries side by side by URL, differences marked, sources linked, add and remove.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import { allDeploymentFacts } from "../../src/lib/model/key-facts.ts";
import {
  deploymentFileIds,
  headline,
  languages,
  open,
  records,
  siteUrl,
  squash,
  titleText,
  useBrowser,
} from "./site.ts";

const browser = useBrowser();
const dict = t("en");
const page = dict.comparePage;
const byId = new Map(records.deployments.map((d) => [d.id, d]));
const pair = ["fr-tchap", "de-bundesmessenger"] as const;
const displayName = (id: string) => {
  const d = byId.get(id)!;
  return `${titleText(d, "en")}: ${d.data.name ?? d.product?.data.name ?? t("en").entry.productNotNamed}`;
};

/** Opens the compare view and waits until its script has built the table (or said why not). */
async function openCompare(query: string): Promise<Page> {
  const tab = await browser().newPage();
  await open(tab, `/en/compare/${query}`);
  await tab.locator("#compare-picker").waitFor({ state: "visible" });
  return tab;
}

const columnNames = (tab: Page) => tab.locator(".compare-table thead th[data-id] a").allTextContents();

describe("compare view", () => {
  it("shows the entries of the address side by side, one row per key fact", async () => {
    for (const id of pair) expect(byId.has(id), id).toBe(true);
    const tab = await openCompare(`?ids=${pair.join(",")}`);
    expect((await columnNames(tab)).map(squash)).toEqual(pair.map(displayName));
    const rowNames = (await tab.locator(".compare-table tbody th").allTextContents()).map(squash);
    for (const row of allDeploymentFacts) {
      expect(
        rowNames.some((name) => name.startsWith(dict.field[row.name])),
        row.key,
      ).toBe(true);
    }
    expect(await tab.locator("#compare-status").textContent()).toBe(page.comparing(2));
    await tab.close();
  });

  it("marks a row as differing exactly when the records' values differ", async () => {
    const [a, b] = pair.map((id) => byId.get(id)!);
    const tab = await openCompare(`?ids=${pair.join(",")}`);
    const rowClass = (key: string) => tab.locator(`tr[data-row="${key}"]`).getAttribute("class");
    const reachA = headline(a!.data.reach, "unknown");
    const reachB = headline(b!.data.reach, "unknown");
    expect(await rowClass("reach")).toBe(reachA === reachB ? "same" : "differs");
    expect(await rowClass("protocol")).toBe(a!.protocol === b!.protocol ? "same" : "differs");
    const reachRow = tab.locator('tr[data-row="reach"] th');
    if (reachA !== reachB) expect(squash(await reachRow.textContent())).toContain(page.differs);
    await tab.close();
  });

  it("links each value's source numbers to that source on the entry page", async () => {
    const tab = await openCompare(`?ids=${pair.join(",")}`);
    const link = tab.locator('tr[data-row="federation"] td').first().locator("a").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(new RegExp(`^/en/deployments/${pair[0]}/#source-`));
    await link.click();
    await tab.waitForURL((url) => url.pathname === `/en/deployments/${pair[0]}/`);
    expect(await tab.locator(`[id="${href!.split("#")[1]}"]`).count()).toBe(1);
    await tab.close();
  });

  it("adds an entry from the picker and removes one with its button, keeping the address", async () => {
    const tab = await openCompare(`?ids=${pair.join(",")}`);
    const third = records.products.find((p) => p.id === "threema") ?? records.products[0]!;
    // The picker's choices load when a reader reaches for it.
    await tab.getByLabel(page.pickerLabel).focus();
    await tab.getByLabel(page.pickerLabel).selectOption({ label: third.data.name });
    await tab.getByRole("button", { name: page.add, exact: true }).click();
    // The added entry's file is fetched first, so its column comes a moment later.
    await tab.locator(".compare-table thead th[data-id]").nth(2).waitFor();
    expect((await columnNames(tab)).map(squash)).toEqual([...pair.map(displayName), third.data.name]);
    expect(new URL(tab.url()).searchParams.get("ids")).toBe([...pair, third.id].join(","));

    await tab.getByRole("button", { name: page.remove(displayName(pair[0])) }).click();
    expect((await columnNames(tab)).map(squash)).toEqual([displayName(pair[1]), third.data.name]);
    expect(new URL(tab.url()).searchParams.get("ids")).toBe([pair[1], third.id].join(","));
    await tab.close();
  });

  it("narrows the picker to the entries holding every word typed, whatever their case and accents", async () => {
    const tab = await openCompare(`?ids=${pair.join(",")}`);
    const filter = tab.getByLabel(page.filterLabel);
    await filter.focus();
    const picker = tab.getByLabel(page.pickerLabel);
    const offered = () =>
      picker
        .locator("option:not([value=''])")
        .evaluateAll((options) =>
          options.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent! })),
        );
    await expect.poll(async () => (await offered()).length).toBe(deploymentFileIds().length + records.products.length);
    const everything = await offered();
    const fold = (text: string) =>
      text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
    const matching = (typed: string) =>
      everything
        .filter((o) =>
          fold(typed)
            .split(/\s+/)
            .every((word) => fold(`${o.label} ${o.value}`).includes(word)),
        )
        .map((o) => o.value);
    const count = () =>
      tab
        .locator("#compare-filter-count")
        .textContent()
        .then((text) => squash(text ?? ""));

    // A word with an accent, typed in capitals without it.
    const accented = everything
      .flatMap((o) => o.label.split(/[\s(),:]+/))
      .find((word) => word.length > 3 && fold(word) !== word.toLowerCase())!;
    await filter.fill(fold(accented).toUpperCase());
    expect(matching(accented).length).toBeGreaterThan(0);
    await expect.poll(async () => (await offered()).map((o) => o.value)).toEqual(matching(accented));
    expect(await count()).toBe(page.filterCount(String(matching(accented).length), String(everything.length)));

    // Two words of one name, in the other order.
    const words = everything.find((o) => o.label.split(" ").length >= 4)!.label.split(" ");
    const twoWords = `${words.at(-1)} ${words[0]}`;
    await filter.fill(twoWords);
    await expect.poll(async () => (await offered()).map((o) => o.value)).toEqual(matching(twoWords));

    await filter.fill("qqqq xyzzy");
    await expect.poll(async () => (await offered()).length).toBe(0);
    expect(await count()).toBe(page.filterNone);

    // A text only one entry holds chooses it, and Enter adds it.
    const only = deploymentFileIds().find((id) => !pair.includes(id as never) && matching(id).length === 1)!;
    await filter.fill(only);
    await expect.poll(() => picker.inputValue()).toBe(only);
    await filter.press("Enter");
    await tab.locator(".compare-table thead th[data-id]").nth(2).waitFor();
    expect(new URL(tab.url()).searchParams.get("ids")).toBe([...pair, only].join(","));
    await tab.close();
  });

  it("asks for a second entry and names ids it does not know", async () => {
    const tab = await openCompare(`?ids=${pair[0]},no-such-entry`);
    const status = await tab.locator("#compare-status").textContent();
    expect(status).toContain(page.needMore);
    expect(status).toContain(page.unknownIds("no-such-entry"));
    await tab.close();
  });

  it("collects entries from 'add to comparison' on two entry pages", async () => {
    const context = await browser().newContext();
    const tab = await context.newPage();
    await tab.goto(siteUrl(`/en/deployments/${pair[0]}/`));
    await tab.getByRole("link", { name: page.addToComparison }).click();
    await tab.locator(".compare-table").waitFor();
    await tab.goto(siteUrl(`/en/deployments/${pair[1]}/`));
    await tab.getByRole("link", { name: page.addToComparison }).click();
    await tab.locator(".compare-table thead th[data-id]").nth(1).waitFor();
    expect(new URL(tab.url()).searchParams.get("ids")).toBe(pair.join(","));
    expect((await columnNames(tab)).map(squash)).toEqual(pair.map(displayName));
    await context.close();
  });

  it("has a file for every deployment and product in both languages, each naming its entry", async () => {
    const deploymentIds = new Set(deploymentFileIds());
    // A product whose id a deployment has is compared as product:<id>, in product/<id>.json.
    const expected = [
      ...[...deploymentIds].map((id) => ({ id, compareId: id, path: id, page: "deployments" })),
      ...records.products.map(({ id }) =>
        deploymentIds.has(id)
          ? { id, compareId: `product:${id}`, path: `product/${id}`, page: "products" }
          : { id, compareId: id, path: id, page: "products" },
      ),
    ];
    for (const lang of languages) {
      for (const { id, compareId, path, page: pageKind } of expected) {
        const response = await fetch(siteUrl(`/${lang}/compare/entries/${path}.json`));
        expect(response.status, `${lang} ${path}`).toBe(200);
        const entry = (await response.json()) as { id: string; url: string };
        expect(entry.id).toBe(compareId);
        expect(entry.url).toBe(`/${lang}/${pageKind}/${id}/`);
      }
    }
  });

  it("offers every deployment and product in the picker once a reader reaches for it, from a file of its own", async () => {
    const tab = await browser().newPage();
    const fetched: string[] = [];
    tab.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await open(tab, `/en/compare/?ids=${pair.join(",")}`);
    await tab.locator(".compare-table thead th[data-id]").nth(1).waitFor();
    // The page itself holds no entry, so it stays the same size however large the registry grows.
    const picker = tab.getByLabel(page.pickerLabel);
    expect(await picker.locator("option").count()).toBe(1);
    expect(fetched).not.toContain("/en/compare/choices.json");
    await tab.getByRole("combobox", { name: page.pickerLabel }).hover();
    const deploymentIds = deploymentFileIds();
    const offered = () =>
      picker.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    await expect.poll(async () => (await offered()).length).toBe(1 + deploymentIds.length + records.products.length);
    const values = await offered();
    for (const id of deploymentIds) expect(values, id).toContain(id);
    for (const { id } of records.products)
      expect(values.includes(id) || values.includes(`product:${id}`), id).toBe(true);
    // The entries already compared cannot be chosen twice.
    const disabled = await picker
      .locator("option:disabled")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(disabled.sort()).toEqual([...pair].sort());
    await tab.close();
  });

  it("explains itself and links the lists of every entry without JavaScript", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await open(tab, `/en/compare/?ids=${pair.join(",")}`);
    expect(squash(await tab.locator(".compare-no-script").textContent())).toContain(page.noScript);
    const hrefs = await tab
      .locator("#compare-static a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["/en/table/", "/en/products/"]);
    await context.close();
  });

  it("loads only the files of the entries it shows, whatever the size of the registry", async () => {
    const tab = await browser().newPage();
    const fetched: string[] = [];
    tab.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith(".json")) fetched.push(path);
    });
    await open(tab, `/en/compare/?ids=${pair.join(",")},..%2F..%2Fapi%2Fv1%2Findex`);
    await tab.locator(".compare-table thead th[data-id]").nth(1).waitFor();
    expect(fetched.sort()).toEqual(pair.map((id) => `/en/compare/entries/${id}.json`).sort());
    // An id that is no record id is named as unknown and never becomes a path.
    expect(await tab.locator("#compare-status").textContent()).toContain(page.unknownIds("../../api/v1/index"));
    await tab.close();
  });
});
