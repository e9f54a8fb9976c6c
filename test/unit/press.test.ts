// What press and reusers get: citations, the feed and social cards.
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bibtex, citationText, cslJson } from "../../src/lib/outputs/citation.ts";
import { atomDate, atomFeed, feedItems } from "../../src/lib/outputs/feed.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { deploymentCard } from "../../src/lib/outputs/social-cards/card.ts";
import { cardHash, loadFonts, writeCards } from "../../src/lib/outputs/social-cards/render.ts";

const model = registryFromFiles("data");
const site = new URL("https://registry.example.org");
const entry = {
  id: "de-x",
  title: "Polizei & Co: {Chat}",
  permalink: "https://registry.example.org/de/deployments/de-x/",
  reviewed: "2026-11-26",
  dataVersion: "abc123def456",
  lang: "de" as const,
};

describe("citation", () => {
  it("names the site, the entry, its permalink, review date and data version", () => {
    const line = citationText(entry);
    for (const part of [
      "Behörden-Messenger-Register",
      "Polizei & Co: {Chat}",
      entry.permalink,
      "2026-11-26",
      "abc123def456",
    ])
      expect(line).toContain(part);
  });

  it("never calls an unreviewed entry reviewed: it gives the last change instead, or no date at all", () => {
    const unreviewed = { ...entry, reviewed: undefined, lastChanged: "2026-11-30" };
    const line = citationText(unreviewed);
    expect(line).toContain("2026-11-30");
    expect(line).toContain("Noch nicht redaktionell geprüft");
    expect(line).not.toContain("Zuletzt geprüft");
    expect(bibtex(unreviewed)).toContain("Zuletzt geändert 2026-11-30");
    const undated = { ...entry, reviewed: undefined };
    expect(citationText(undated)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(cslJson(undated)).not.toHaveProperty("issued");
  });

  it("escapes BibTeX specials and gives CSL-JSON a date", () => {
    expect(bibtex(entry)).toContain("title = {Polizei \\& Co: \\textbraceleft{}Chat\\textbraceright{}}");
    expect(bibtex(entry)).toContain(`\\url{${entry.permalink}}`);
    expect(cslJson(entry)).toMatchObject({
      URL: entry.permalink,
      issued: { "date-parts": [[2026, 11, 26]] },
      type: "webpage",
    });
  });
});

describe("feed", () => {
  it("turns partial dates into the first instant they can mean", () => {
    expect(atomDate("2019")).toBe("2019-01-01T00:00:00Z");
    expect(atomDate("2019-12")).toBe("2019-12-01T00:00:00Z");
    expect(atomDate("2019-12-24")).toBe("2019-12-24T00:00:00Z");
  });

  it("lists every review an editor made and every dated status step, newest first", () => {
    const items = feedItems(model, "en", site, new Map());
    for (const deployment of model.deployments) {
      expect(
        items.filter((item) => item.id.includes(`/${deployment.id}/#reviewed-`)).map((item) => item.id),
        deployment.id,
      ).toEqual(deployment.reviewed ? [expect.stringContaining(`#reviewed-${deployment.reviewed}`)] : []);
      const dated = deployment.status.filter((step) => step.date ?? step.asOf).length;
      expect(items.filter((item) => item.id.includes(`/${deployment.id}/#status-`))).toHaveLength(dated);
    }
    const dates = items.map((item) => item.updated);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("escapes markup in titles", () => {
    const xml = atomFeed(
      [{ id: "https://x/#1", title: "A & <B>", updated: "2020-01-01T00:00:00Z", link: "https://x/", summary: "s" }],
      "en",
      site,
    );
    expect(xml).toContain("<title>A &amp; &lt;B&gt;</title>");
  });
});

describe("social cards", () => {
  const cards = model.deployments.slice(0, 3).map((deployment) => deploymentCard(deployment, "de"));

  it("are 1200×630 PNGs, drawn once and then reused from the cache", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "cards-cache-"));
    const first = await writeCards(cards, {
      root: process.cwd(),
      outDir: await mkdtemp(join(tmpdir(), "cards-")),
      cacheDir,
    });
    expect(first).toMatchObject({ drawn: 3, reused: 0 });
    const outDir = await mkdtemp(join(tmpdir(), "cards-"));
    const second = await writeCards(cards, { root: process.cwd(), outDir, cacheDir });
    expect(second).toMatchObject({ drawn: 0, reused: 3 });
    expect(await readdir(cacheDir)).toHaveLength(3);
    const png = await readFile(join(outDir, `${cards[0]!.key}.png`));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  it("get a new cache key when what they show changes", async () => {
    const fonts = await loadFonts(process.cwd());
    const card = cards[0]!;
    expect(cardHash(card, fonts)).toBe(cardHash({ ...card }, fonts));
    expect(cardHash({ ...card, footer: "Stand 2030-01-01" }, fonts)).not.toBe(cardHash(card, fonts));
  });
});

describe("social card tags", () => {
  it("mark a value that rests only on a presumption with whose it is, and name a vendor protocol", () => {
    for (const deployment of model.deployments) {
      const card = deploymentCard(deployment, "en");
      const federation = deployment.record.federation;
      const tag = card.tags.find((text) => text.startsWith("Federation: "))!;
      const presumedBy = new Set(federation.map((claim) => claim.presumedBy));
      if (federation.length > 0 && federation.every((claim) => claim.confidence === "presumed" && !claim.until)) {
        const who = presumedBy.size > 1 ? "article, editors" : presumedBy.has("editors") ? "editors" : "article";
        expect(tag, deployment.id).toMatch(new RegExp(` · ${who}$`));
      } else {
        expect(tag, deployment.id).not.toMatch(/ · (article|editors)$/);
      }
      const name = deployment.productEntry?.record.protocolName;
      if (name && deployment.facts.protocol.kind === "agreed" && deployment.facts.protocol.value === "vendor") {
        expect(card.tags, deployment.id).toContain(`Protocol: vendor protocol (${name})`);
      }
    }
  });
});
