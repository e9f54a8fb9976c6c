/** A worker thread that draws the cards it is sent and answers with PNG bytes. */
import { parentPort } from "node:worker_threads";
import { loadFonts, renderCard } from "./render.ts";
import type { CardModel } from "./card.ts";

const fonts = loadFonts(process.cwd());

parentPort!.on("message", async (card: CardModel) => {
  try {
    const png = await renderCard(card, await fonts);
    parentPort!.postMessage({ png: new Uint8Array(png) });
  } catch (error) {
    parentPort!.postMessage({ error: String(error) });
  }
});
