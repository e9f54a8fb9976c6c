// What press and reusers get: citations, the feed and social cards.
import { mkdtemp, readFile, readdir, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bibtex, citationText, cslJson } from "../../src/lib/outputs/citation.ts";
import { atomDate, atomFeed } from "../../src/lib/outputs/feed.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { allCards, cardFact, deploymentCard } from "../../src/lib/outputs/social-cards/card.ts";
import { metaDescription } from "../../src/lib/site/meta-description.ts";
import { allDeploymentFacts, productFacts } from "../../src/lib/model/key-facts.ts";
import { summarizeClaims } from "../../src/lib/model/derive.ts";
import { cardHash, loadFonts, unusedCardDays, writeCards } from "../../src/lib/outputs/social-cards/render.ts";

const model = registryFromFiles("data");
const site = "https://registry.example.org";
const entry = {
  id: "de-x",
  title: "Polizei & Co: {Chat}",
  permalink: "https://registry.example.org/de/deployments/de-x/",
  reviewed: "2026-11-26",
  dataVersion: "abc123def456",
  lang: "de" as const,
  accessed: "2026-12-01",
  versionedUrl: "https://forge.test/o/r/blob/0123abc/data/deployments/de-x.yaml",
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
    // The one date left is the day the reader accessed the entry.
    expect(citationText(undated).match(/\d{4}-\d{2}-\d{2}/g)).toEqual([entry.accessed]);
    expect(citationText(undated)).toContain(`abgerufen am ${entry.accessed}`);
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

  it("escapes markup in titles", () => {
    const xml = atomFeed(
      [{ id: "https://x/#1", title: "A & <B>", updated: "2020-01-01T00:00:00Z", link: "https://x/", summary: "s" }],
      "en",
      site,
    );
    expect(xml).toContain("<title>A &amp; &lt;B&gt;</title>");
  });
});

describe("citation for the press", () => {
  it("states when the entry was read and links exactly this version of the record", () => {
    expect(citationText(entry)).toContain("(abgerufen am 2026-12-01)");
    expect(citationText(entry)).toContain(`Diese Fassung des Datensatzes: ${entry.versionedUrl}`);
    expect(bibtex(entry)).toContain("urldate = {2026-12-01}");
    expect(bibtex(entry)).toContain(`\\url{${entry.versionedUrl}}`);
    expect(cslJson(entry)).toMatchObject({ accessed: { "date-parts": [[2026, 12, 1]] }, note: entry.versionedUrl });
    expect(citationText({ ...entry, versionedUrl: undefined })).not.toContain("Fassung des Datensatzes");
  });

  it("marks a preview build's relative permalink as having no public address", () => {
    expect(citationText({ ...entry, permalink: "/de/deployments/de-x/" })).toContain(
      "/de/deployments/de-x/ (Vorschau, keine öffentliche Adresse)",
    );
  });
});

describe("meta description", () => {
  it("keeps a short text whole and cuts a long one at a word boundary with an ellipsis", () => {
    expect(metaDescription("  Kurz   und gut. ")).toBe("Kurz und gut.");
    const long = `${"Wort ".repeat(40)}Ende`;
    const cut = metaDescription(long);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut).toMatch(/^(Wort )+Wort…$/);
    for (const deployment of model.deployments) {
      const text = metaDescription(
        typeof deployment.summary === "string" ? deployment.summary : (deployment.summary.de ?? ""),
      );
      expect(text.length, deployment.id).toBeLessThanOrEqual(160);
      expect(text, deployment.id).not.toMatch(/\s…$/);
    }
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

  it("leave the cache with the cards builds still use: unused ones go after a while, nothing else does", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "cards-cache-"));
    const outDir = await mkdtemp(join(tmpdir(), "cards-"));
    const fonts = await loadFonts(process.cwd());
    const build = (now: Date) => writeCards(cards, { root: process.cwd(), outDir, cacheDir, now });
    await build(new Date("2026-01-01T12:00:00Z"));
    const day = 24 * 60 * 60 * 1000;
    const inUse = join(cacheDir, `${cardHash(cards[0]!, fonts)}.png`);
    // A card of a record since changed, unused for longer than the cache keeps cards, and one unused for less.
    const formerCard = join(cacheDir, `${"a".repeat(64)}.png`);
    const recentCard = join(cacheDir, `${"b".repeat(64)}.png`);
    const notACard = join(cacheDir, "README.txt");
    for (const path of [formerCard, recentCard, notACard]) await writeFile(path, "x");
    const now = new Date("2026-06-01T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * day);
    for (const path of [formerCard, notACard, inUse])
      await utimes(path, daysAgo(unusedCardDays + 1), daysAgo(unusedCardDays + 1));
    await utimes(recentCard, daysAgo(unusedCardDays - 1), daysAgo(unusedCardDays - 1));

    const report = await build(now);
    expect(report).toMatchObject({ drawn: 0, reused: 3, deleted: 1 });
    const left = await readdir(cacheDir);
    expect(left).not.toContain(`${"a".repeat(64)}.png`);
    expect(left).toEqual(expect.arrayContaining([`${"b".repeat(64)}.png`, "README.txt"]));
    expect(left).toHaveLength(5);
    // The card in use counts as used now, so it outlives the next month of builds that skip it.
    expect((await stat(inUse)).mtimeMs).toBe(now.getTime());
  });

  it("label every fact, never repeat a name, and show how sure each fact is", () => {
    const tchap = deploymentCard(
      model.deployments.find((d) => d.id === "fr-tchap")!,
      "de",
    );
    const text = [tchap.kicker, tchap.title, tchap.subtitle, ...tchap.facts.map((f) => `${f.label} ${f.value}`)].join(
      " | ",
    );
    expect(text).not.toMatch(/Tchap · Tchap/);
    expect(tchap.facts.map((fact) => fact.label)).toContain("Föderation");
    for (const fact of tchap.facts)
      expect(fact.label === "" || !fact.value.includes(fact.label), fact.value).toBe(true);
    const free = tchap.facts.find((fact) => fact.value === "freie Software" || fact.label === "Freie Software")!;
    expect(`${free.label}: ${free.value}`).not.toBe("Freie Software: freie Software");
    const freeSoftware = productFacts.find((row) => row.key === "freeSoftware")!;
    const presumed = cardFact(
      freeSoftware,
      summarizeClaims([{ value: "free", sources: [], confidence: "presumed" }], "unknown"),
      "en",
    );
    expect(presumed).toMatchObject({ certainty: "presumed", note: "editorial presumption" });
    const confirmed = cardFact(
      freeSoftware,
      summarizeClaims([{ value: "free", sources: ["a"], confidence: "confirmed" }], "unknown"),
      "en",
    );
    expect(confirmed.certainty).toBe("sourced");
    expect(confirmed.note).toBe("confirmed by an official source");
  });

  it("exist for every product, position and country and the main pages, each with its own key", () => {
    const keys = allCards(model, ["de", "en"]).map((card) => card.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const lang of ["de", "en"]) {
      for (const product of model.products) expect(keys).toContain(`${lang}/products/${product.id}`);
      for (const position of model.positions) expect(keys).toContain(`${lang}/positions/${position.id}`);
      for (const d of model.deployments) expect(keys).toContain(`${lang}/countries/${d.jurisdiction.toLowerCase()}`);
      for (const page of ["home", "table", "overview", "products", "positions", "countries", "api"]) {
        expect(keys).toContain(`${lang}/${page}`);
      }
    }
  });

  it("name a product's vendor as its sources give it, and show no object as text", () => {
    const all = allCards(model, ["de", "en"]);
    for (const card of all) {
      const text = [
        card.kicker,
        card.title,
        card.subtitle,
        card.footer,
        ...card.facts.flatMap((f) => [f.label, f.value, f.note]),
      ];
      expect(text.join(" | "), card.key).not.toMatch(/\[object |undefined|NaN/);
    }
    expect(all.find((card) => card.key === "en/products/element")!.kicker).toBe("Product · Element Creations Ltd");
  });

  it("get a new cache key when what they show changes", async () => {
    const fonts = await loadFonts(process.cwd());
    const card = cards[0]!;
    expect(cardHash(card, fonts)).toBe(cardHash({ ...card }, fonts));
    expect(cardHash({ ...card, footer: "Stand 2030-01-01" }, fonts)).not.toBe(cardHash(card, fonts));
  });
});

describe("social card facts", () => {
  const headlineKeys = allDeploymentFacts.filter((row) => row.headline).map((row) => row.key);
  it("mark a value that rests only on a presumption with whose it is, and name a vendor protocol", () => {
    for (const deployment of model.deployments) {
      const card = deploymentCard(deployment, "en");
      const federation = deployment.record.federation;
      const fact = card.facts[headlineKeys.indexOf("federation")]!;
      const presumedBy = new Set(federation.map((claim) => claim.presumedBy));
      if (federation.length > 0 && federation.every((claim) => claim.confidence === "presumed" && !claim.until)) {
        const who = presumedBy.size > 1 ? "article, editors" : presumedBy.has("editors") ? "editors" : "article";
        expect(fact, deployment.id).toMatchObject({ certainty: "presumed", note: who });
      } else {
        expect(fact.certainty, deployment.id).not.toBe("presumed");
      }
      const name = deployment.productEntry?.record.protocolName;
      if (name && deployment.facts.protocol.kind === "agreed" && deployment.facts.protocol.value === "vendor") {
        expect(card.facts[headlineKeys.indexOf("protocol")]!.value, deployment.id).toBe(`vendor protocol (${name})`);
      }
    }
  });
});
