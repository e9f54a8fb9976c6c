/**
 * Cards as PNG with a palette. A card has a few flat colours (background, boxes, text, lines)
 * and the anti-aliased edges of its text and boxes, about 300 colours in all. A palette of its 16
 * most frequent colours, four bits per pixel, holds it in about a third of resvg's four-byte RGBA
 * PNG: every colour that covers a visible area (at least 0.1% of the card) is kept exactly, and
 * the rarer edge shades take the nearest colour of the palette, which at a card's size looks the
 * same. A picture with more flat colours than that gets a palette of 256, one byte per pixel.
 */
import { crc32, deflateSync } from "node:zlib";

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A colour covering at least this share of the pixels is an area or a line, never an edge shade. */
const flatShare = 0.001;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

const channel = (color: number, i: number) => (color >>> (8 * i)) & 0xff;

function nearest(color: number, palette: readonly number[]): number {
  let best = 0;
  let bestDistance = Infinity;
  palette.forEach((candidate, index) => {
    let distance = 0;
    for (let i = 0; i < 3; i += 1) distance += (channel(color, i) - channel(candidate, i)) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

/**
 * An indexed PNG of an opaque picture given as RGBA bytes (`width` × `height` × 4), or undefined
 * when some pixel is not fully opaque (the caller then keeps its RGBA PNG).
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  const pixelCount = width * height;
  if (rgba.length !== pixelCount * 4) throw new Error(`expected ${pixelCount * 4} bytes, got ${rgba.length}`);
  // Pixels as RGBA numbers (red in the lowest byte). Runs of one colour are long, so colours are
  // counted per run, and each pixel's palette index is looked up only where the colour changes.
  const pixels = new Uint32Array(rgba.buffer.slice(rgba.byteOffset, rgba.byteOffset + rgba.length));
  const counts = new Map<number, number>();
  for (let p = 0; p < pixelCount;) {
    const color = pixels[p]!;
    if (color >>> 24 !== 255) return undefined;
    let end = p + 1;
    while (end < pixelCount && pixels[end] === color) end += 1;
    counts.set(color, (counts.get(color) ?? 0) + (end - p));
    p = end;
  }
  const byFrequency = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b);
  const flatColors = byFrequency.filter((color) => counts.get(color)! >= pixelCount * flatShare).length;
  const bits = flatColors <= 16 ? 4 : 8;
  const palette = byFrequency.slice(0, 2 ** bits);
  const indexOf = new Map(palette.map((color, index) => [color, index]));
  for (const color of byFrequency.slice(palette.length)) indexOf.set(color, nearest(color, palette));

  // Each row: filter type 0 (none), then the pixels' palette indexes, two to a byte at four bits.
  const rowBytes = Math.ceil((width * bits) / 8);
  const rows = Buffer.alloc(height * (rowBytes + 1));
  for (let y = 0; y < height; y += 1) {
    const row = y * (rowBytes + 1) + 1;
    const first = y * width;
    if (bits === 8) {
      for (let x = 0; x < width;) {
        const color = pixels[first + x]!;
        let end = x + 1;
        while (end < width && pixels[first + end] === color) end += 1;
        rows.fill(indexOf.get(color)!, row + x, row + end);
        x = end;
      }
    } else {
      let previous = -1;
      let index = 0;
      for (let x = 0; x < width; x += 1) {
        const color = pixels[first + x]!;
        if (color !== previous) [previous, index] = [color, indexOf.get(color)!];
        rows[row + (x >> 1)]! |= x & 1 ? index : index << 4;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bits, 3, 0, 0, 0], 8); // bits per index, colour type 3 (palette), no interlace
  const colors = Buffer.alloc(palette.length * 3);
  palette.forEach((color, index) => colors.set([channel(color, 0), channel(color, 1), channel(color, 2)], index * 3));
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("PLTE", colors),
    // Level 9 saves a tenth of the bytes, but made drawing 27,000 cards (10,000 records) pass the step's 10-minute limit.
    chunk("IDAT", deflateSync(rows, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
