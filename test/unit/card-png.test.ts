// Social cards are stored as indexed PNGs (png.ts). A platform that shows a card decodes it with its
// own PNG reader; this test reads the files with a decoder of its own (chunks, checksums, inflate,
// palette) and compares the pixels with the picture that was encoded.
import resvg from "@resvg/resvg-js";
import satori from "satori";
import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { allCards, cardTree } from "../../src/lib/outputs/social-cards/card.ts";
import { indexedPng } from "../../src/lib/outputs/social-cards/png.ts";
import { loadFonts, renderCard } from "../../src/lib/outputs/social-cards/render.ts";

/** The RGBA bytes of an 8-bit indexed, non-interlaced PNG, checking its signature and every checksum. */
function decodeIndexedPng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `checksum of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
  const header = chunks[0]!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect([...header.subarray(8)]).toEqual([8, 3, 0, 0, 0]);
  const palette = chunks[1]!.data;
  const rows = inflateSync(chunks[2]!.data);
  expect(rows.length).toBe(height * (width + 1));
  const rgba = new Uint8Array(width * height * 4);
  const filters = new Set<number>();
  let highestIndex = 0;
  for (let y = 0; y < height; y += 1) {
    filters.add(rows[y * (width + 1)]!);
    for (let x = 0; x < width; x += 1) {
      const index = rows[y * (width + 1) + 1 + x]!;
      highestIndex = Math.max(highestIndex, index);
      rgba.set([palette[index * 3]!, palette[index * 3 + 1]!, palette[index * 3 + 2]!, 255], (y * width + x) * 4);
    }
  }
  expect([...filters]).toEqual([0]);
  expect(highestIndex * 3 + 2).toBeLessThan(palette.length);
  return { width, height, rgba };
}

/** An opaque picture of `width` × `height` whose pixel i has colour `colorOf(i)` as [r, g, b]. */
function picture(width: number, height: number, colorOf: (i: number) => [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) rgba.set([...colorOf(i), 255], i * 4);
  return rgba;
}

describe("cards as indexed PNG", () => {
  it("keeps every pixel of a picture with up to 256 colours", () => {
    const rgba = picture(37, 11, (i) => [i % 256, (i * 7) % 256 === 0 ? 1 : 200, 3]);
    const decoded = decodeIndexedPng(indexedPng(rgba, 37, 11)!);
    expect([decoded.width, decoded.height]).toEqual([37, 11]);
    expect(decoded.rgba).toEqual(rgba);
  });

  it("keeps the 256 most frequent colours exactly and gives the rare ones the nearest", () => {
    // 200 colours on 10 pixels each, then 100 colours on one pixel each, close to a frequent one.
    const colorOf = (i: number): [number, number, number] =>
      i < 2000 ? [Math.floor(i / 10), 100, 50] : [i - 2000, 101, 50];
    const rgba = picture(2100, 1, colorOf);
    const decoded = decodeIndexedPng(indexedPng(rgba, 2100, 1)!).rgba;
    expect(decoded.subarray(0, 2000 * 4)).toEqual(rgba.subarray(0, 2000 * 4));
    const errors = [...rgba.subarray(2000 * 4)].map((value, i) => Math.abs(decoded[2000 * 4 + i]! - value));
    expect(Math.max(...errors)).toBeLessThanOrEqual(2);
  });

  it("leaves a picture with transparent pixels to the RGBA PNG", () => {
    const rgba = picture(4, 4, () => [0, 0, 0]);
    rgba[3] = 128;
    expect(indexedPng(rgba, 4, 4)).toBeUndefined();
  });

  it("stores a real card in less than half the bytes of the RGBA PNG, looking the same", async () => {
    const fonts = await loadFonts(process.cwd());
    const card = allCards(registryFromFiles(), ["de"]).find((c) => c.key === "de/deployments/fr-tchap")!;
    const svg = await satori(cardTree(card) as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts });
    const drawn = new resvg.Resvg(svg, { fitTo: { mode: "width", value: 1200 } }).render();
    const pixels = drawn.pixels; // a fresh copy on every read
    const png = await renderCard(card, fonts);
    const decoded = decodeIndexedPng(png);
    expect([decoded.width, decoded.height]).toEqual([1200, 630]);
    let differing = 0;
    let largestError = 0;
    for (let i = 0; i < 1200 * 630; i += 1) {
      for (let c = 0; c < 3; c += 1) {
        const error = Math.abs(decoded.rgba[i * 4 + c]! - pixels[i * 4 + c]!);
        if (error > 0) differing += 1;
        largestError = Math.max(largestError, error);
      }
    }
    expect(differing / (1200 * 630 * 3)).toBeLessThan(0.001);
    expect(largestError).toBeLessThan(48);
    expect(png.length).toBeLessThan(drawn.asPng().length / 2);
    // fr-tchap's facts fill the card; its coloured band at the top still keeps its full 16 pixels.
    const band = [0, 8, 15].map((y) => [...decoded.rgba.subarray((y * 1200 + 600) * 4, (y * 1200 + 600) * 4 + 3)]);
    expect(band).toEqual([0, 8, 15].map(() => [0x0b, 0x5c, 0xad]));
  });
});
