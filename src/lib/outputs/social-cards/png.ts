/**
 * Cards as PNG with a palette. A card has a few flat colours and the anti-aliased edges of its text
 * and boxes, about 300 colours in all, so one byte per pixel (an indexed PNG) holds it in well
 * under half the bytes of resvg's four-byte RGBA PNG. Up to 256 colours the picture is exact;
 * beyond that the rarest colours (a few edge pixels) take the nearest colour of the palette.
 */
import { crc32, deflateSync } from "node:zlib";

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const paletteSize = 256;

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
  for (let p = 0; p < pixelCount; ) {
    const color = pixels[p]!;
    if (color >>> 24 !== 255) return undefined;
    let end = p + 1;
    while (end < pixelCount && pixels[end] === color) end += 1;
    counts.set(color, (counts.get(color) ?? 0) + (end - p));
    p = end;
  }
  const byFrequency = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b);
  const palette = byFrequency.slice(0, paletteSize);
  const indexOf = new Map(palette.map((color, index) => [color, index]));
  for (const color of byFrequency.slice(paletteSize)) indexOf.set(color, nearest(color, palette));

  // Each row: filter type 0 (none), then one palette index per pixel.
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y += 1) {
    const row = y * (width + 1) + 1;
    const first = y * width;
    for (let x = 0; x < width; ) {
      const color = pixels[first + x]!;
      let end = x + 1;
      while (end < width && pixels[first + end] === color) end += 1;
      rows.fill(indexOf.get(color)!, row + x, row + end);
      x = end;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, colour type 3 (palette), no interlace
  const colors = Buffer.alloc(palette.length * 3);
  palette.forEach((color, index) => colors.set([channel(color, 0), channel(color, 1), channel(color, 2)], index * 3));
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("PLTE", colors),
    chunk("IDAT", deflateSync(rows, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
