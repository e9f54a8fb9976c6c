// A social card is a fixed 1200×630 picture: whatever does not fit is cut off by the platform that
// shows it. Long names, a long subtitle and six facts with long values must still leave the footer
// (the registry's name and address) on the card, with its bottom margin empty.
import { describe, expect, it } from "vitest";
import { cardTextLimits, type CardModel } from "../../src/lib/outputs/social-cards/card.ts";
import { loadFonts, renderCard } from "../../src/lib/outputs/social-cards/render.ts";
import { decodeIndexedPng } from "../png-reading.ts";

const background = [0xf6, 0xf8, 0xfb];

/** How many pixels of rows `from`…`to` (inclusive) are not the card's background. */
function inkedPixels(png: Buffer, from: number, to: number): number {
  const { width, rgba } = decodeIndexedPng(png);
  let inked = 0;
  for (let i = from * width; i < (to + 1) * width; i += 1)
    if ([0, 1, 2].some((c) => rgba[i * 4 + c] !== background[c])) inked += 1;
  return inked;
}

/** Words of `length` characters in all, so the text wraps as a long name does. */
const words = (length: number) => "Landesbeauftragter für Datenschutz ".repeat(20).slice(0, length);

describe("social card layout", () => {
  it("keeps the footer on a card whose every text is as long as the card allows", async () => {
    const fonts = await loadFonts(process.cwd());
    const crowded: CardModel = {
      lang: "de",
      key: "de/deployments/test-crowded",
      kicker: words(cardTextLimits.kicker),
      title: words(cardTextLimits.title),
      subtitle: words(cardTextLimits.subtitle),
      facts: (["sourced", "presumed", "disputed", "unsourced", "sourced", "disputed"] as const).map((certainty) => ({
        label: words(cardTextLimits.factLabel),
        value: words(cardTextLimits.factValue),
        note: words(cardTextLimits.factNote),
        certainty,
      })),
      footer: "Behörden-Messenger-Register · Vorschau",
    };
    const png = await renderCard(crowded, fonts);
    // The footer is drawn: there is text in the band above the bottom padding …
    expect(inkedPixels(png, 560, 600)).toBeGreaterThan(500);
    // … and nothing runs into the bottom margin, where an overflowing footer would be cut.
    expect(inkedPixels(png, 606, 629)).toBe(0);
  });
});
