// Social cards are stored as indexed PNGs (png.ts). A platform that shows a card decodes it with its
// own PNG reader; this test reads the files with a decoder of its own (chunks, checksums, inflate,
// palette) and compares the pixels with the picture that was encoded.
import resvg from "@resvg/resvg-js";
import satori from "satori";
import { describe, expect, it } from "vitest";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { allCards, cardTree } from "../../src/lib/outputs/social-cards/card.ts";
import { indexedPng } from "../../src/lib/outputs/social-cards/png.ts";
import { loadFonts, renderCard } from "../../src/lib/outputs/social-cards/render.ts";
import { decodeIndexedPng } from "../png-reading.ts";

/** An opaque picture of `width` × `height` whose pixel i has colour `colorOf(i)` as [r, g, b]. */
function picture(width: number, height: number, colorOf: (i: number) => [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) rgba.set([...colorOf(i), 255], i * 4);
  return rgba;
}

describe("cards as indexed PNG", () => {
  it("keeps every pixel of a picture with up to 256 colours, at four bits when they are 16 or fewer", () => {
    for (const [colors, bits] of [
      [256, 8],
      [16, 4],
      [3, 4],
    ]) {
      // 37 pixels wide: an odd width leaves half a byte at the end of each four-bit row.
      const rgba = picture(37, 11, (i) => [i % colors!, (i * 7) % colors! === 0 ? 1 : 200, 3]);
      const decoded = decodeIndexedPng(indexedPng(rgba, 37, 11)!);
      expect([decoded.width, decoded.height, decoded.bits], `${colors} colours`).toEqual([37, 11, bits]);
      expect(decoded.rgba).toEqual(rgba);
    }
  });

  it("keeps runs of one colour that start and end at odd pixels and cross rows", () => {
    // Runs of 7 on rows of 37: they start at even and odd pixels, and some are cut by a row's end.
    const rgba = picture(37, 11, (i) => [Math.floor(i / 7) % 3 === 0 ? 250 : 10, Math.floor(i / 7) % 3, 3]);
    const decoded = decodeIndexedPng(indexedPng(rgba, 37, 11)!);
    expect(decoded.bits).toBe(4);
    expect(decoded.rgba).toEqual(rgba);
  });

  it("gives the rare edge shades of a picture with few flat colours the nearest of its 16 most frequent", () => {
    // Three flat colours on 3,000 pixels each and 13 more on 20 each (9,260 pixels), then 200
    // different shades on one pixel each, all close to the first flat colour (0.1% is 9.46 pixels).
    const flat = [
      [240, 244, 250],
      [20, 30, 50],
      [200, 220, 245],
    ] as const;
    const colorOf = (i: number): [number, number, number] =>
      i < 9000
        ? [...flat[Math.floor(i / 3000)]!]
        : i < 9260
          ? [100 + Math.floor((i - 9000) / 20), 0, 0]
          : [240 - ((i - 9260) % 10), 244 - Math.floor((i - 9260) / 10), 250];
    const rgba = picture(9460, 1, colorOf);
    const decoded = decodeIndexedPng(indexedPng(rgba, 9460, 1)!);
    expect(decoded.bits).toBe(4);
    expect(decoded.rgba.subarray(0, 9260 * 4)).toEqual(rgba.subarray(0, 9260 * 4));
    for (let i = 9260; i < 9460; i += 1) expect([...decoded.rgba.subarray(i * 4, i * 4 + 3)]).toEqual(flat[0]);
  });

  it("keeps 256 colours at eight bits when more than 16 colours cover an area", () => {
    const rgba = picture(100, 100, (i) => [Math.floor(i / 500), 0, 0]);
    const decoded = decodeIndexedPng(indexedPng(rgba, 100, 100)!);
    expect(decoded.bits).toBe(8);
    expect(decoded.rgba).toEqual(rgba);
  });

  it("leaves a picture with transparent pixels to the RGBA PNG", () => {
    const rgba = picture(4, 4, () => [0, 0, 0]);
    rgba[3] = 128;
    expect(indexedPng(rgba, 4, 4)).toBeUndefined();
  });

  it("stores a real card in well under half the bytes of the RGBA PNG, looking the same", async () => {
    const fonts = await loadFonts(process.cwd());
    const card = allCards(registryFromFiles(), ["de"]).find((c) => c.key === "de/deployments/fr-tchap")!;
    const svg = await satori(cardTree(card) as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts });
    // Drawn here with the machine's fonts, which renderCard does without: text that needed them would differ.
    const drawn = new resvg.Resvg(svg, { fitTo: { mode: "width", value: 1200 } }).render();
    const pixels = drawn.pixels; // a fresh copy on every read
    const png = await renderCard(card, fonts);
    const decoded = decodeIndexedPng(png);
    expect([decoded.width, decoded.height, decoded.bits]).toEqual([1200, 630, 4]);
    const pixelCount = 1200 * 630;
    const colorAt = (rgba: Uint8Array, i: number) => (rgba[i * 4]! << 16) | (rgba[i * 4 + 1]! << 8) | rgba[i * 4 + 2]!;
    const counts = new Map<number, number>();
    for (let i = 0; i < pixelCount; i += 1) counts.set(colorAt(pixels, i), (counts.get(colorAt(pixels, i)) ?? 0) + 1);
    let areaPixels = 0;
    let changedAreaPixels = 0;
    let errorSum = 0;
    let farPixels = 0;
    for (let i = 0; i < pixelCount; i += 1) {
      // Every pixel of a colour that covers 0.1% of the card (an area, a line, the text itself) is exact.
      if (counts.get(colorAt(pixels, i))! >= pixelCount / 1000) {
        areaPixels += 1;
        if (colorAt(decoded.rgba, i) !== colorAt(pixels, i)) changedAreaPixels += 1;
      }
      let pixelError = 0;
      for (let c = 0; c < 3; c += 1)
        pixelError = Math.max(pixelError, Math.abs(decoded.rgba[i * 4 + c]! - pixels[i * 4 + c]!));
      for (let c = 0; c < 3; c += 1) errorSum += Math.abs(decoded.rgba[i * 4 + c]! - pixels[i * 4 + c]!);
      if (pixelError > 32) farPixels += 1;
    }
    expect(changedAreaPixels).toBe(0);
    expect(areaPixels / pixelCount).toBeGreaterThan(0.97);
    // The edge shades move by less than one level of 255 on average; one pixel in a thousand moves by more than 32.
    expect(errorSum / (pixelCount * 3)).toBeLessThan(1);
    expect(farPixels / pixelCount).toBeLessThan(0.001);
    expect(png.length).toBeLessThan(drawn.asPng().length * 0.4);
    // fr-tchap's facts fill the card; its coloured band at the top still keeps its full 16 pixels.
    const band = [0, 8, 15].map((y) => [...decoded.rgba.subarray((y * 1200 + 600) * 4, (y * 1200 + 600) * 4 + 3)]);
    expect(band).toEqual([0, 8, 15].map(() => [0x0b, 0x5c, 0xad]));
  });
});
