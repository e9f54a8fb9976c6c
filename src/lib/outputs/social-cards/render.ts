/**
 * Drawing social cards: satori lays the card out as SVG, resvg draws it, png.ts stores it as an
 * indexed PNG. Cards are cached by a hash of what they show (and of the fonts and template), so an
 * unchanged card is never drawn twice; the cards that must be drawn are shared among worker
 * threads, one per core.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import satori from "satori";
import resvg from "@resvg/resvg-js";
import { cardTree, type CardModel } from "./card.ts";
import { indexedPng } from "./png.ts";

/** Bump when cardTree's look changes, so cached cards are redrawn. */
const templateVersion = "10";

/** The static, non-variable WOFF fonts satori uses, from the @fontsource/inter package. */
export const fontFiles = [
  { name: "Inter", weight: 400, path: "node_modules/@fontsource/inter/files/inter-latin-400-normal.woff" },
  { name: "Inter", weight: 700, path: "node_modules/@fontsource/inter/files/inter-latin-700-normal.woff" },
  { name: "Inter", weight: 400, path: "node_modules/@fontsource/inter/files/inter-latin-ext-400-normal.woff" },
] as const;

type Font = { name: string; weight: 400 | 700; data: Buffer; style: "normal" };

/** Loads the card fonts. */
export async function loadFonts(root: string): Promise<Font[]> {
  return Promise.all(
    fontFiles.map(async (font) => ({
      name: font.name,
      weight: font.weight,
      style: "normal" as const,
      data: await readFile(join(root, font.path)),
    })),
  );
}

/** Draws one card as PNG bytes. */
export async function renderCard(card: CardModel, fonts: Font[]): Promise<Buffer> {
  const svg = await satori(cardTree(card) as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts });
  // satori draws text as outlines, so resvg needs no fonts: loading the system's for every card cost
  // a quarter of its drawing time, and left the card depending on what the machine has installed.
  const picture = new resvg.Resvg(svg, {
    fitTo: { mode: "width", value: 1200 },
    font: { loadSystemFonts: false },
  }).render();
  return indexedPng(picture.pixels, picture.width, picture.height) ?? Buffer.from(picture.asPng());
}

// The fonts' bytes, hashed once per loading rather than once per card (110 KB for each of 27,000 cards at 10,000 records).
const fontDigests = new WeakMap<Font[], string>();

function fontDigest(fonts: Font[]): string {
  let digest = fontDigests.get(fonts);
  if (digest === undefined) {
    const hash = createHash("sha256");
    for (const font of fonts) hash.update(font.data);
    fontDigests.set(fonts, (digest = hash.digest("hex")));
  }
  return digest;
}

/** The cache key of a card: what it shows, the template version and the fonts' bytes. */
export function cardHash(card: CardModel, fonts: Font[]): string {
  return createHash("sha256")
    .update(`${templateVersion}\0${fontDigest(fonts)}\0`)
    .update(JSON.stringify(card))
    .digest("hex");
}

/** How many cards a run drew and how many it took from the cache. */
export type CardRunReport = { drawn: number; reused: number; workers: number };

/**
 * Writes every card to `<outDir>/<card.key>.png`, drawing only those missing from `cacheDir`,
 * in parallel worker threads (at most one per core).
 */
export async function writeCards(
  cards: CardModel[],
  options: { root: string; outDir: string; cacheDir: string },
): Promise<CardRunReport> {
  const fonts = await loadFonts(options.root);
  await mkdir(options.cacheDir, { recursive: true });
  const jobs = cards.map((card) => ({
    card,
    cached: join(options.cacheDir, `${cardHash(card, fonts)}.png`),
    out: join(options.outDir, `${card.key}.png`),
  }));
  const missing = jobs.filter((job) => !existsSync(job.cached));
  const workerCount = Math.max(0, Math.min(availableParallelism(), missing.length));
  await drawInWorkers(missing, workerCount);
  for (const dir of new Set(jobs.map((job) => dirname(job.out)))) await mkdir(dir, { recursive: true });
  await inBatches(jobs, (job) => placeCard(job.cached, job.out));
  return { drawn: missing.length, reused: jobs.length - missing.length, workers: workerCount };
}

/**
 * Puts a cached card at its place in the site: as a second name for the cached file where both are
 * on one file system (a build writes tens of thousands of cards), else as a copy. Whatever stood
 * at the place goes first, so that nothing ever writes through the link into the cache.
 */
async function placeCard(cached: string, out: string): Promise<void> {
  await rm(out, { force: true });
  try {
    await link(cached, out);
  } catch {
    await copyFile(cached, out);
  }
}

/** Runs `task` on every item, a few dozen at a time. */
async function inBatches<T>(items: T[], task: (item: T) => Promise<void>, size = 64): Promise<void> {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(task));
}

async function drawInWorkers(jobs: { card: CardModel; cached: string }[], workerCount: number): Promise<void> {
  const queue = [...jobs];
  const workerUrl = new URL("./worker.ts", import.meta.url);
  await Promise.all(
    Array.from({ length: workerCount }, async () => {
      const worker = new Worker(workerUrl);
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          await writeFile(job.cached, await drawIn(worker, job.card));
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}

/** Sends one card to a worker and waits for its PNG. */
function drawIn(worker: Worker, card: CardModel): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { png?: Uint8Array; error?: string }) => {
      worker.off("error", onError);
      if (message.png) resolve(message.png);
      else reject(new Error(`card ${card.key}: ${message.error}`));
    };
    const onError = (error: Error) => {
      worker.off("message", onMessage);
      reject(error);
    };
    worker.once("message", onMessage);
    worker.once("error", onError);
    worker.postMessage(card);
  });
}
