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
 * The runs of one colour in each row of an opaque picture: each run's colour (numbered in order of
 * appearance) and where it ends, and each colour's pixel count; undefined if a pixel is not opaque.
 */
function runsOf(pixels: Uint32Array, width: number, height: number) {
  const idOf = new Map<number, number>();
  const colors: number[] = [];
  const counts: number[] = [];
  // A row of a card holds far fewer runs than pixels; a picture of single pixels would need them all.
  let runColor = new Uint32Array(4096);
  let runEnd = new Uint32Array(4096);
  let runCount = 0;
  for (let y = 0; y < height; y += 1) {
    const rowEnd = (y + 1) * width;
    for (let p = y * width; p < rowEnd;) {
      const color = pixels[p]!;
      if (color >>> 24 !== 255) return undefined;
      let end = p + 1;
      while (end < rowEnd && pixels[end] === color) end += 1;
      let id = idOf.get(color);
      if (id === undefined) {
        idOf.set(color, (id = colors.length));
        colors.push(color);
        counts.push(0);
      }
      counts[id]! += end - p;
      if (runCount === runEnd.length) {
        const [moreColor, moreEnd] = [new Uint32Array(runCount * 2), new Uint32Array(runCount * 2)];
        moreColor.set(runColor);
        moreEnd.set(runEnd);
        [runColor, runEnd] = [moreColor, moreEnd];
      }
      runColor[runCount] = id;
      runEnd[runCount] = end;
      runCount += 1;
      p = end;
    }
  }
  return { colors, counts, runColor, runEnd, runCount };
}

/**
 * An indexed PNG of an opaque picture given as RGBA bytes (`width` × `height` × 4), or undefined
 * when some pixel is not fully opaque (the caller then keeps its RGBA PNG).
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  const pixelCount = width * height;
  if (rgba.length !== pixelCount * 4) throw new Error(`expected ${pixelCount * 4} bytes, got ${rgba.length}`);
  // Pixels as RGBA numbers (red in the lowest byte), read in place where the bytes are aligned.
  const pixels =
    rgba.byteOffset % 4 === 0
      ? new Uint32Array(rgba.buffer, rgba.byteOffset, pixelCount)
      : new Uint32Array(rgba.slice().buffer);
  // One pass cuts each row into runs of one colour and numbers the colours as they appear; the
  // palette is chosen from the colours' counts, and the rows are then written run by run.
  const runs = runsOf(pixels, width, height);
  if (!runs) return undefined;
  const { colors, counts, runColor, runEnd, runCount } = runs;
  const byFrequency = colors.map((_, id) => id).sort((a, b) => counts[b]! - counts[a]! || colors[a]! - colors[b]!);
  const flatColors = byFrequency.filter((id) => counts[id]! >= pixelCount * flatShare).length;
  const bits = flatColors <= 16 ? 4 : 8;
  const palette = byFrequency.slice(0, 2 ** bits).map((id) => colors[id]!);
  const indexOfId = new Uint8Array(colors.length);
  byFrequency.forEach((id, rank) => (indexOfId[id] = rank < palette.length ? rank : nearest(colors[id]!, palette)));

  // Each row: filter type 0 (none), then the pixels' palette indexes, two to a byte at four bits.
  const rowBytes = Math.ceil((width * bits) / 8);
  const rows = Buffer.alloc(height * (rowBytes + 1));
  let start = 0;
  for (let r = 0; r < runCount; r += 1) {
    const end = runEnd[r]!;
    const y = Math.floor(start / width);
    const row = y * (rowBytes + 1) + 1;
    const index = indexOfId[runColor[r]!]!;
    let x = start - y * width;
    const stop = end - y * width;
    if (bits === 8) rows.fill(index, row + x, row + stop);
    else {
      // A run starting at an odd pixel fills the low half of its first byte; whole bytes hold the
      // index twice; a run ending at an odd pixel fills the high half of its last byte.
      if (x & 1) {
        rows[row + (x >> 1)]! |= index;
        x += 1;
      }
      const whole = (stop - x) >> 1;
      rows.fill(index * 17, row + (x >> 1), row + (x >> 1) + whole);
      x += 2 * whole;
      if (x < stop) rows[row + (x >> 1)]! |= index << 4;
    }
    start = end;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bits, 3, 0, 0, 0], 8); // bits per index, colour type 3 (palette), no interlace
  const paletteBytes = Buffer.alloc(palette.length * 3);
  palette.forEach((color, index) =>
    paletteBytes.set([channel(color, 0), channel(color, 1), channel(color, 2)], index * 3),
  );
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("PLTE", paletteBytes),
    // Level 9 saves a tenth of the bytes, but made drawing 27,000 cards (10,000 records) pass the step's 10-minute limit.
    chunk("IDAT", deflateSync(rows, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
