// The map, the charts and the country pages as a reader uses them: regions link to countries, numbers follow the records, search finds countries.
import { describe, expect, it } from "vitest";
import { t, type Lang } from "../../src/i18n/index.ts";
import { concreteDeployments, headline, languages, open, records, squash, useBrowser } from "./site.ts";

const browser = useBrowser();
const countries = [...new Set(concreteDeployments.filter((d) => d.data.country).map((d) => d.data.country!))].sort();
const inCountry = (code: string) => concreteDeployments.filter((d) => d.data.country === code);
const isOpen = (protocol: string) => protocol === "matrix" || protocol === "xmpp";
/** The year a deployment started, as the chart counts it: its first step with a date. */
const startYear = (d: (typeof records.deployments)[number]) => d.data.status.find((s) => s.date)?.date?.slice(0, 4);

describe.each(languages)("map and charts (%s)", (lang: Lang) => {
  it("links every country with deployments on both maps and counts them as the records do", async () => {
    const page = await browser().newPage();
    await open(page, `/${lang}/map/`);
    for (const map of ["#map-deployments", "#map-open"]) {
      const linked = await page
        .locator(`${map}-title + svg a[data-country]`)
        .evaluateAll((links) => links.map((a) => a.getAttribute("data-country")!));
      expect(linked.sort(), map).toEqual(countries);
    }
    for (const code of countries) {
      const row = page.locator(`#map-table tr[data-country="${code}"]`);
      expect(await row.locator("[data-count]").textContent(), code).toBe(String(inCountry(code).length));
      const open = inCountry(code).filter((d) => isOpen(d.protocol)).length;
      expect(await row.locator("[data-open]").textContent(), code).toBe(String(open));
    }
    await page.close();
  });

  it("takes a reader from a region on the map to its country page, by mouse and by keyboard", async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } });
    await open(page, `/${lang}/map/`);
    const code = countries.includes("CH") ? "CH" : countries[0]!;
    await page.locator(`#map-deployments-title + svg a[data-country="${code}"] path`).click({ force: true });
    await page.waitForURL((url) => url.pathname === `/${lang}/countries/${code.toLowerCase()}/`);
    await open(page, `/${lang}/map/`);
    await page.locator(`#map-deployments-title + svg a[data-country="${code}"]`).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/${lang}/countries/${code.toLowerCase()}/`);
    await page.close();
  });

  it("charts deployments started per year from the status histories", async () => {
    const page = await browser().newPage();
    await open(page, `/${lang}/map/`);
    const years = new Map<string, number>();
    for (const d of concreteDeployments) {
      const year = startYear(d);
      if (year) years.set(year, (years.get(year) ?? 0) + 1);
    }
    expect(years.size, "the data should have dated starts").toBeGreaterThan(0);
    const shown = await page
      .locator("#starts-table tbody tr")
      .evaluateAll((rows) =>
        rows.map((row) => [row.getAttribute("data-year"), row.querySelector("[data-total]")!.textContent]),
      );
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries([...years].map(([y, n]) => [y, String(n)])));
    const bars = await page.locator("svg.bar-chart rect.chart-bar").count();
    expect(bars).toBeGreaterThanOrEqual(years.size);
    await page.close();
  });
});

describe.each(languages)("country pages (%s)", (lang: Lang) => {
  const dict = t(lang);

  it("shows a country's counts, its positions and its deployments without repeating country and level", async () => {
    const code = "CH";
    const expected = inCountry(code);
    expect(expected.length, "the data should have Swiss deployments").toBeGreaterThan(0);
    const page = await browser().newPage();
    await open(page, `/${lang}/countries/ch/`);
    expect(await page.locator('[data-figure="deployments"] dd').textContent()).toBe(String(expected.length));
    const federating = expected.filter((d) =>
      ["enabled-open", "enabled-allowlist"].includes(headline(d.data.federation, "unknown")),
    ).length;
    expect(await page.locator('[data-figure="federating"] dd').textContent()).toBe(String(federating));
    const rows = await page
      .locator("tbody tr[data-id]")
      .evaluateAll((all) => all.map((row) => row.getAttribute("data-id")));
    expect(rows.sort()).toEqual(expected.map((d) => d.id).sort());
    expect(await page.locator('thead th[data-column="country"], thead th[data-column="level"]').count()).toBe(0);
    const positionLinks = await page
      .locator("#positions + ul a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(positionLinks).toContain(`/${lang}/positions/ch-armee-threema-pflicht/`);
    await page.getByRole("link", { name: dict.countryPage.deployments }).click();
    await page.locator("#table-filters").waitFor({ state: "visible" });
    expect(squash(await page.locator("#table-count").textContent())).toBe(
      dict.table.count
        .replace("{shown}", String(expected.length))
        .replace("{total}", String(concreteDeployments.length)),
    );
    await page.close();
  });

  it("lists countries in the main navigation", async () => {
    const page = await browser().newPage();
    await open(page, `/${lang}/`);
    const nav = page.getByRole("navigation", { name: dict.mainNavLabel });
    expect(await nav.getByRole("link", { name: dict.nav.countries, exact: true }).getAttribute("href")).toBe(
      `/${lang}/countries/`,
    );
    expect(await nav.getByRole("link", { name: dict.nav.map, exact: true }).getAttribute("href")).toBe(`/${lang}/map/`);
    await page.close();
  });

  it("finds the country page by the country's name", async () => {
    const name = lang === "de" ? "Schweiz" : "Switzerland";
    const page = await browser().newPage();
    await open(page, `/${lang}/search/?${new URLSearchParams({ q: name })}`);
    await page.locator("#search-results li a").first().waitFor();
    const hrefs = await page
      .locator("#search-results li a")
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain(`/${lang}/countries/ch/`);
    await page.close();
  });
});
