/**
 * Drawing social cards: satori lays the card out as SVG, resvg draws it, png.ts stores it as an
 * indexed PNG. Cards are cached by a hash of what they show (and of the fonts and template), so an
 * unchanged card is never drawn twice; the cards that must be drawn are shared among worker
 * threads, one per core. A cached card no build has used for `unusedCardDays` is deleted, so
 * the cache holds about the cards of the current registry, not every card a record ever had.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { copyFile, link, mkdir, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
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

/** How many cards a run drew, how many it took from the cache, and how many unused ones it deleted from it. */
export type CardRunReport = { drawn: number; reused: number; workers: number; deleted: number };

/** How many days a cached card may go unused by any build before it is deleted. */
export const unusedCardDays = 30;

const dayMs = 24 * 60 * 60 * 1000;
/** The name of a cached card: the `cardHash` of what it shows. */
const cachedCardName = /^[0-9a-f]{64}\.png$/;

/**
 * Writes every card to `<outDir>/<card.key>.png`, drawing only those missing from `cacheDir`,
 * in parallel worker threads (at most one per core). Then marks the cached cards it used as used
 * today and deletes those no build has used for `unusedCardDays` (`now` is for tests).
 */
export async function writeCards(
  cards: CardModel[],
  options: { root: string; outDir: string; cacheDir: string; now?: Date },
): Promise<CardRunReport> {
  const fonts = await loadFonts(options.root);
  await mkdir(options.cacheDir, { recursive: true });
  const jobs = cards.map((card) => {
    const cached = join(options.cacheDir, `${cardHash(card, fonts)}.png`);
    const out = join(options.outDir, `${card.key}.png`);
    // When a build last used the cached card (see below); undefined if it is not cached yet.
    return { card, cached, out, lastUsed: statSync(cached, { throwIfNoEntry: false })?.mtimeMs };
  });
  const missing = jobs.filter((job) => job.lastUsed === undefined);
  const workerCount = Math.max(0, Math.min(availableParallelism(), missing.length));
  await drawInWorkers(missing, workerCount);
  for (const dir of new Set(jobs.map((job) => dirname(job.out)))) await mkdir(dir, { recursive: true });
  await inBatches(jobs, (job) => placeCard(job.cached, job.out));
  const now = options.now ?? new Date();
  // A card drawn just now is new; one not marked for a day is marked again (once a day, not on every build).
  const stale = jobs.filter((job) => job.lastUsed !== undefined && job.lastUsed < now.getTime() - dayMs);
  await inBatches(stale, (job) => utimes(job.cached, now, now));
  const deleted = await deleteUnusedCards(options.cacheDir, new Set(jobs.map((job) => job.cached)), now);
  return { drawn: missing.length, reused: jobs.length - missing.length, workers: workerCount, deleted };
}

/**
 * Deletes the cached cards in `cacheDir` that are not in `used` and that no build has used for
 * `unusedCardDays` (a record's former cards, after it changed). Other builds, of another data
 * folder sharing the cache, keep their cards as long as they run now and then. Files that are not
 * cached cards are left alone. Resolves to how many it deleted.
 */
async function deleteUnusedCards(cacheDir: string, used: Set<string>, now: Date): Promise<number> {
  const oldest = now.getTime() - unusedCardDays * dayMs;
  const unused = (await readdir(cacheDir))
    .filter((name) => cachedCardName.test(name))
    .map((name) => join(cacheDir, name))
    .filter((path) => !used.has(path));
  let deleted = 0;
  await inBatches(unused, async (path) => {
    if ((await stat(path)).mtimeMs >= oldest) return;
    await rm(path, { force: true });
    deleted += 1;
  });
  return deleted;
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
