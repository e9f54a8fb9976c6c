// Ways in as a reader uses them: home figures that lead to what they count, search as you type, the 404 page, verdict colours, the typeface.
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.ts";
import { concreteDeployments, currentClaims, headline, open, records, siteUrl, squash, useBrowser } from "./site.ts";

const browser = useBrowser();
const dict = t("de");

describe("home figures", () => {
  const federation = (d: (typeof records.deployments)[number]) => headline(d.data.federation, "unknown");
  const counted = {
    deployments: concreteDeployments.length,
    openProtocol: concreteDeployments.filter((d) => ["matrix", "xmpp"].includes(d.protocol)).length,
    federating: concreteDeployments.filter((d) => ["enabled-open", "enabled-allowlist"].includes(federation(d))).length,
    presumedClosed: concreteDeployments.filter((d) => federation(d) === "presumed-disabled").length,
  };

  it.each(Object.entries(counted))("%s leads to a table showing as many rows as it counts", async (key, value) => {
    const page = await browser().newPage();
    await open(page, "/de/");
    const figure = page.locator(`[data-figure="${key}"]`);
    expect(await figure.locator("dd:not(.figure-detail)").textContent()).toBe(String(value));
    await figure.getByRole("link").click();
    await page.locator("#table-filters").waitFor({ state: "visible" });
    expect(await page.locator("#table-count").textContent()).toBe(
      dict.table.count.replace("{shown}", String(value)).replace("{total}", String(concreteDeployments.length)),
    );
    await page.close();
  });
});

describe("the presumed-closed figure", () => {
  it("says how many of the presumptions are the article's and how many the editors' own", async () => {
    const closed = concreteDeployments.filter((d) => headline(d.data.federation, "unknown") === "presumed-disabled");
    const by = (who: string) =>
      closed.filter((d) => currentClaims(d.data.federation).some((claim) => claim.presumedBy === who)).length;
    expect(by("article") + by("editors")).toBeGreaterThan(0);
    const page = await browser().newPage();
    await open(page, "/de/");
    const detail = squash(await page.locator('[data-figure="presumedClosed"] .figure-detail').textContent());
    expect(detail).toBe(dict.home.presumedClosedSplit(by("article"), by("editors")));
    await page.close();
  });
});

describe("search as you type", () => {
  it("shows results grouped by kind while typing, with labelled meta lines", async () => {
    const page = await browser().newPage();
    await open(page, "/de/search/");
    await page.locator("#search-input").pressSequentially("Stashcat", { delay: 40 });
    // Results follow the typing; the address holds the whole word once the typing has settled.
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("Stashcat");
    await page.locator("#search-results .result-group").first().waitFor();
    const kinds = await page
      .locator("#search-results .result-group")
      .evaluateAll((groups) => groups.map((g) => g.getAttribute("data-kind")));
    expect(kinds).toContain("deployments");
    expect(kinds).toContain("products");
    const deploymentGroup = page.locator('.result-group[data-kind="deployments"]');
    const title = squash(await deploymentGroup.locator(".result-group-title").textContent());
    expect(title).toMatch(new RegExp(`^${dict.searchView.kinds.deployments} \\(\\d+\\)$`));
    const hrefs = await deploymentGroup
      .locator("a")
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const href of hrefs) expect(href).toMatch(/^\/de\/deployments\//);
    const meta = squash(await deploymentGroup.locator(".result-tags").first().textContent());
    expect(meta).toContain(`${dict.field.protocol}: `);
    expect(meta).toContain(`${dict.field.status}: `);
    await page.close();
  });

  it.each(["/de/", "/de/search/?q=Threema", "/en/table/"])("%s has one labelled search landmark", async (path) => {
    const page = await browser().newPage();
    await open(page, path);
    const landmarks = page.getByRole("search");
    expect(await landmarks.count()).toBe(1);
    expect(await landmarks.getAttribute("aria-label")).toBeTruthy();
    await page.close();
  });
});

describe("page not found", () => {
  it("answers 404 with the site's navigation, a search box and the way back in both languages", async () => {
    const page = await browser().newPage();
    const response = await page.goto(siteUrl("/de/no-such-page/"));
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("navigation", { name: dict.mainNavLabel }).count()).toBe(1);
    await page.locator("#not-found-search").fill("Tchap");
    await page.locator("#not-found-search").press("Enter");
    await page.waitForURL((url) => url.pathname === "/de/search/" && url.searchParams.get("q") === "Tchap");
    await page.goBack();
    expect(await page.getByRole("link", { name: t("en").nav.home }).getAttribute("href")).toBe("/en/");
    await page.close();
  });
});

describe("look", () => {
  it("colours each verdict with its word and explains the colours", async () => {
    const page = await browser().newPage();
    await open(page, "/de/positions/");
    const legend = page.locator(".verdict-legend");
    for (const [value, label] of Object.entries(dict.label.verdict)) {
      expect(squash(await legend.locator(`[data-verdict="${value}"]`).textContent())).toBe(label);
    }
    const colour = (value: string) =>
      legend.locator(`[data-verdict="${value}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await colour("recommended")).not.toBe(await colour("ruled-out"));
    expect(await colour("advised-against")).not.toBe(await colour("recommended"));
    await page.close();
  });

  it("sets text in the reader's system font and loads no font file", async () => {
    const page = await browser().newPage();
    const fontRequests: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font" || /\.(woff2?|ttf|otf)(\?|$)/.test(request.url()))
        fontRequests.push(request.url());
    });
    await open(page, "/en/deployments/fr-tchap/");
    await page.evaluate(() => document.fonts.ready);
    expect(fontRequests).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui\b/);
    await page.close();
  });
});
