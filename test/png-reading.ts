/**
 * Reading the social cards' PNGs with a decoder of our own, as a platform that shows a card reads
 * it with its own: chunks, checksums, inflate, palette.
 */
import { crc32, inflateSync } from "node:zlib";
import { expect } from "vitest";

/** The bit depth and RGBA bytes of an indexed, non-interlaced PNG, checking its signature and every checksum. */
export function decodeIndexedPng(png: Buffer): { width: number; height: number; bits: number; rgba: Uint8Array } {
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
  const [width, height, bits] = [header.readUInt32BE(0), header.readUInt32BE(4), header[8]!];
  expect([4, 8]).toContain(bits);
  expect([...header.subarray(9)]).toEqual([3, 0, 0, 0]);
  const palette = chunks[1]!.data;
  expect(palette.length).toBeLessThanOrEqual(3 * 2 ** bits);
  const rows = inflateSync(chunks[2]!.data);
  // A row is its filter byte and the indexes packed from the high bits, padded to whole bytes.
  const rowBytes = Math.ceil((width * bits) / 8);
  expect(rows.length).toBe(height * (rowBytes + 1));
  const rgba = new Uint8Array(width * height * 4);
  const filters = new Set<number>();
  let highestIndex = 0;
  for (let y = 0; y < height; y += 1) {
    filters.add(rows[y * (rowBytes + 1)]!);
    for (let x = 0; x < width; x += 1) {
      const bit = x * bits;
      const byte = rows[y * (rowBytes + 1) + 1 + (bit >> 3)]!;
      const index = (byte >> (8 - bits - (bit & 7))) & (2 ** bits - 1);
      highestIndex = Math.max(highestIndex, index);
      rgba.set([palette[index * 3]!, palette[index * 3 + 1]!, palette[index * 3 + 2]!, 255], (y * width + x) * 4);
    }
  }
  expect([...filters]).toEqual([0]);
  expect(highestIndex * 3 + 2).toBeLessThan(palette.length);
  return { width, height, bits, rgba };
}
