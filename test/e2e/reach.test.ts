// Who can reach whom: the page's counts and networks follow the records, agree with the table, and entry pages say it too.
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.ts";
import {
  concreteDeployments,
  headline,
  idsThroughPages,
  languages,
  open,
  records,
  squash,
  useBrowser,
  type ExpectedDeployment,
} from "./site.ts";

const browser = useBrowser();

const ownInstanceOnly = ["disabled", "presumed-disabled", "not-supported", "planned"];
/** Islands as the records state them: federation off (or presumed, impossible, planned) and no bridge. */
const isIsland = (d: ExpectedDeployment) =>
  ownInstanceOnly.includes(headline(d.data.federation, "unknown")) &&
  headline(d.data.interoperability, "unknown") !== "bridges" &&
  (d.data.bridgesTo ?? []).length === 0;
const islands = concreteDeployments.filter(isIsland);
const presumedIslands = islands.filter((d) => d.data.federation.every((claim) => claim.confidence === "presumed"));

/** Deployments sharing a federation group whose sources all say they federate with an allow-list. */
const groups = new Map<string, string[]>();
for (const d of concreteDeployments) {
  if (d.data.federationGroup && headline(d.data.federation, "unknown") === "enabled-allowlist") {
    groups.set(d.data.federationGroup, [...(groups.get(d.data.federationGroup) ?? []), d.id]);
  }
}

describe.each(languages)("who can reach whom (%s)", (lang) => {
  const dict = t(lang);
  const page = dict.reachPage;

  it("counts systems and islands as the records give them", async () => {
    expect(islands.length, "the data should have islands").toBeGreaterThan(0);
    const tab = await browser().newPage();
    await open(tab, `/${lang}/reach/`);
    const summary = squash(await tab.locator("[data-reach-summary]").textContent());
    expect(summary).toContain(page.summary(concreteDeployments.length, islands.length));
    expect(summary).toContain(page.presumedIslands(presumedIslands.length));
    const listed = await tab
      .locator('[data-reach-class="island"] li[data-id]')
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-id")!));
    expect(listed.sort()).toEqual(islands.map((d) => d.id).sort());
    await tab.close();
  });

  it("lists each allow-list group with every deployment in it", async () => {
    expect(groups.size, "the data should have an allow-list group").toBeGreaterThan(0);
    const tab = await browser().newPage();
    await open(tab, `/${lang}/reach/`);
    for (const [group, ids] of groups) {
      const item = tab.locator(`li[data-network="group:${group}"]`);
      expect(squash(await item.locator("strong").textContent())).toBe(page.networkGroup(group));
      const hrefs = await item.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      for (const id of ids) expect(hrefs).toContain(`/${lang}/deployments/${id}/`);
    }
    await tab.close();
  });

  it("draws every deployment once in the diagram, each linking to its entry", async () => {
    const tab = await browser().newPage();
    await open(tab, `/${lang}/reach/`);
    const hrefs = await tab
      .locator("svg.reach-diagram-wide a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(hrefs.sort()).toEqual(concreteDeployments.map((d) => `/${lang}/deployments/${d.id}/`).sort());
    await tab.close();
  });

  it("lists every deployment on its class's own page, which the reach page links", async () => {
    const tab = await browser().newPage();
    await open(tab, `/${lang}/reach/`);
    const lists = await tab
      .locator("a[data-full-list]")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    const byClass = new Map<string, string[]>();
    for (const href of lists) {
      await open(tab, href);
      byClass.set(href, await idsThroughPages(tab, ".reach-list li[data-id]", (next) => open(tab, next)));
    }
    const all = [...byClass.values()].flat();
    expect(all.sort()).toEqual(concreteDeployments.map((d) => d.id).sort());
    expect(byClass.get(`/${lang}/reach/island/`)?.sort()).toEqual(islands.map((d) => d.id).sort());
    await tab.close();
  });

  it("leads from the islands to the table showing exactly as many rows", async () => {
    const tab = await browser().newPage();
    await open(tab, `/${lang}/reach/`);
    await tab.locator('[data-reach-class="island"]').getByRole("link", { name: page.inTable }).click();
    await tab.locator("#table-filters").waitFor({ state: "visible" });
    const shown = await tab
      .locator("tbody tr[data-id]")
      .evaluateAll((rows) => rows.filter((row) => (row as HTMLElement).checkVisibility()).length);
    expect(shown).toBe(islands.length);
    expect(await tab.locator("#table-count").textContent()).toContain(String(islands.length));
    await tab.close();
  });

  it("shows a disputed system's both circles and its group's peers on its entry page", async () => {
    const disputed = records.deployments.find(
      (d) => d.data.federationGroup && headline(d.data.federation, "unknown") === "disputed",
    );
    expect(disputed, "the data should have a group member whose federation is disputed").toBeDefined();
    const peers = records.deployments.filter(
      (d) => d.id !== disputed!.id && d.data.federationGroup === disputed!.data.federationGroup,
    );
    const tab = await browser().newPage();
    await open(tab, `/${lang}/deployments/${disputed!.id}/`);
    const section = tab.locator("section.reach-section");
    expect(await section.getAttribute("data-reach-class")).toBe("disputed");
    const circles = await section
      .locator("li[data-circle]")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-circle")));
    expect(circles).toContain("group");
    expect(circles.length).toBe(new Set(disputed!.data.federation.map((c) => c.value)).size);
    for (const peer of peers) {
      expect(await section.locator(`a[href="/${lang}/deployments/${peer.id}/"]`).count(), peer.id).toBe(1);
    }
    await tab.close();
  });
});
