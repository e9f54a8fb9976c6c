// Whatever a record's text holds, each output keeps it as text of its own format: a spreadsheet
// runs no formula, BibTeX stays balanced, the citation line shows the title as written, the feed
// stays XML, JSON-LD cannot close its script element, and links and cards stay within bounds.
import { describe, expect, it } from "vitest";
import { repositoryConfig } from "../../src/config.ts";
import { shorten } from "../../src/lib/model/shorten.ts";
import { bibtex, citationText, cslJson } from "../../src/lib/outputs/citation.ts";
import { csvCell } from "../../src/lib/outputs/exports.ts";
import { atomFeed, xmlText } from "../../src/lib/outputs/feed.ts";
import { jsonLdScript } from "../../src/lib/outputs/json-ld.ts";
import { cardTree, cardTextLimits, fittedCard, type CardModel } from "../../src/lib/outputs/social-cards/card.ts";
import { loadFonts, renderCard } from "../../src/lib/outputs/social-cards/render.ts";
import {
  correctionIssueUrl,
  editRecordUrl,
  maxLinkedTextLength,
  repositoryFileUrl,
} from "../../src/lib/site/correction-links.ts";
import { fieldsSplitOn, parseCsv, startsFormula } from "../csv-reading.ts";

const longWord = "Donaudampfschifffahrtsgesellschaft".repeat(150);

describe("CSV cells", () => {
  const hostile = [
    "Stadtchat;=cmd|' /C calc'!A0;",
    "Stadtchat\t=cmd|' /C calc'!A0",
    'a,=HYPERLINK("https://evil.example")',
    'a; "=1+1',
    "a;  @SUM(A1)",
    "erste Zeile\r\n+1",
    "x\r-1",
    "；＝1",
    "a;\uFF1D1+1",
    "=1",
  ];

  it.each(hostile)("%j starts no formula, whichever separator a spreadsheet splits on", (value) => {
    const line = `id,${csvCell(value)},end\r\n`;
    for (const separator of [",", ";", "\t"]) {
      const cells = fieldsSplitOn(line, separator);
      expect(cells.filter(startsFormula), `split on ${JSON.stringify(separator)}`).toEqual([]);
    }
  });

  it.each(hostile)("%j reads back with only apostrophes added, and no TAB or carriage return", (value) => {
    const cell = csvCell(value);
    expect(cell).not.toMatch(/[\t\r]/);
    const [[, read]] = parseCsv(`id,${cell}\r\n`) as [string[]];
    const expected = value.replace(/\r\n?/g, "\n").replace(/\t/g, " ");
    expect(read!.replace(/'/g, "")).toBe(expected.replace(/'/g, ""));
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(csvCell("Polizei Hessen")).toBe("Polizei Hessen");
    expect(csvCell("2019-12-24")).toBe("2019-12-24");
    expect(csvCell(2800)).toBe("2800");
    expect(csvCell("Bund, Länder")).toBe('"Bund, Länder"');
  });
});

/** Whether BibTeX's brace counting (which ignores backslashes) stays at or above zero and ends at zero. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === "{") depth += 1;
    if (character === "}") depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe("citations", () => {
  const entry = {
    id: "de-x",
    title: "Chat } ohne Klammer { {url} $& $' $1 \\ % # _ ~ ^ & $ @misc{x,",
    permalink: "https://registry.example.org/de/deployments/de-x/",
    reviewed: "2024-05-06",
    dataVersion: "abc123def456",
    lang: "de" as const,
    accessed: "2026-12-01",
    versionedUrl: "https://git.test/owner/register/blob/abc}{/data/deployments/de-x.yaml",
  };

  it("keeps BibTeX balanced and every special character escaped", () => {
    const record = bibtex(entry);
    expect(balanced(record)).toBe(true);
    const title = /^ {2}title = \{(.*)\},$/m.exec(record)![1]!;
    expect(balanced(title)).toBe(true);
    expect(title.replace(/\\text\w+\{\}|\\[&%$#_]/g, "")).not.toMatch(/[{}\\&%$#_~^]/);
  });

  it("puts the title into the citation line as written, once", () => {
    const line = citationText(entry);
    expect(line.split(entry.title)).toHaveLength(2);
    expect(line).toContain(entry.permalink);
    expect(line).not.toContain("{site}");
  });

  it("gives CSL-JSON the title unchanged", () => {
    expect(JSON.parse(JSON.stringify(cslJson(entry)))).toMatchObject({ title: entry.title });
  });
});

describe("Atom feed text", () => {
  it("drops what XML 1.0 forbids and escapes markup", () => {
    const text = "a\u0000b\u0001c\u000Bd\u001Be\u007Ff\u0085g\uFFFEh\uFFFFi\uD800j\uDC00k 🚓 <x> & \"'";
    expect(xmlText(text)).toBe("abcdefghijk 🚓 &lt;x&gt; &amp; &quot;&apos;");
  });

  it("keeps tabs and line breaks, which XML allows", () => {
    expect(xmlText("a\tb\nc")).toBe("a\tb\nc");
  });

  it("writes no forbidden character into the document", () => {
    const xml = atomFeed(
      [
        {
          id: "https://x/#1",
          title: "\u001B[2J</title><script>",
          updated: "2020-01-01T00:00:00Z",
          link: 'https://x/"a',
          summary: "\u0000",
        },
      ],
      "en",
      "https://registry.example.org",
    );
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).toContain("<title>[2J&lt;/title&gt;&lt;script&gt;</title>");
    expect(xml).toContain('<link href="https://x/&quot;a"/>');
  });
});

describe("JSON-LD", () => {
  it("cannot end its script element or open a comment, and reads back unchanged", () => {
    const data = { name: "</script><script>alert(1)</script><!-- & \u2028" };
    const text = jsonLdScript(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("correction links", () => {
  const github = repositoryConfig({ REGISTRY_REPOSITORY_URL: "https://github.com/owner/register" });
  const gitlab = repositoryConfig({ REGISTRY_REPOSITORY_URL: "https://gitlab.example.org/group/register" });

  it.each([
    ["GitHub", github],
    ["GitLab", gitlab],
  ] as const)("%s: a 5,000-character value makes a link of bounded length that still names it", (_, config) => {
    const href = correctionIssueUrl(
      {
        collection: "deployments",
        id: "de-x",
        permalink: "https://registry.example.org/de/deployments/de-x/",
        field: "sources[a]",
        currentValue: `🚓 ${longWord}`,
        lang: "de",
      },
      config,
    )!;
    expect(href.length).toBeLessThan(8000);
    const received = [...new URL(href).searchParams.values()].join("\n");
    expect(received).toContain(`🚓 ${longWord.slice(0, maxLinkedTextLength - 10)}`);
    expect(received).toContain("…");
  });

  it("percent-encodes a branch name in file and editor links", () => {
    const config = { ...github, branch: "release/2026#1 ?x" };
    expect(editRecordUrl("deployments", "de-x", config)).toBe(
      "https://github.com/owner/register/edit/release/2026%231%20%3Fx/data/deployments/de-x.yaml",
    );
    expect(repositoryFileUrl("CONTRIBUTING.md", config)).toBe(
      "https://github.com/owner/register/blob/release/2026%231%20%3Fx/CONTRIBUTING.md",
    );
  });
});

describe("social cards", () => {
  const card: CardModel = {
    lang: "de",
    key: "de/deployments/x",
    kicker: "Deutschland",
    title: `🚓 ${"x".repeat(1_000_000)}`,
    subtitle: longWord,
    facts: [{ label: longWord, value: longWord, certainty: "presumed", note: longWord }],
    footer: "Stand 2024-05-06",
  };

  it("cut their text to what a card shows before it is laid out", () => {
    const fitted = fittedCard(card);
    expect(Array.from(fitted.title)).toHaveLength(cardTextLimits.title);
    expect(fitted.title.startsWith("🚓 xxx")).toBe(true);
    expect(fitted.title.endsWith("…")).toBe(true);
    expect(Array.from(fitted.facts[0]!.value)).toHaveLength(cardTextLimits.factValue);
    expect(JSON.stringify(cardTree(card)).length).toBeLessThan(5000);
  });

  it("draw a card from a 1 MB title", async () => {
    const png = await renderCard(card, await loadFonts(process.cwd()));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe("shortened text", () => {
  it("closes right-to-left text it cuts, and keeps emoji whole", () => {
    const cut = shorten(`\u2067${"א".repeat(50)}\u2069 🚓🚓🚓`, 20);
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut).toBe(`\u2067${"א".repeat(17)}\u2069…`);
    expect(shorten("🚓".repeat(30), 5)).toBe("🚓🚓🚓🚓…");
  });

  it("leaves text that fits as it is, white space collapsed", () => {
    expect(shorten("  Polizei \n Hessen ", 20)).toBe("Polizei Hessen");
  });
});
