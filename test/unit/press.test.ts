// What press and reusers get: citations, the feed and social cards.
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bibtex, citationText, cslJson } from "../../src/lib/outputs/citation.ts";
import { atomDate, atomFeed } from "../../src/lib/outputs/feed.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { deploymentCard } from "../../src/lib/outputs/social-cards/card.ts";
import { cardHash, loadFonts, writeCards } from "../../src/lib/outputs/social-cards/render.ts";

const model = registryFromFiles("data");
const site = "https://registry.example.org";
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

  it("escapes BibTeX specials and gives CSL-JSON a date", () => {
    expect(bibtex(entry)).toContain("title = {Polizei \\& Co: \\{Chat\\}}");
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
