/**
 * Draws the social cards (1200×630 PNG) for the main pages and every deployment, product, position
 * and country into <site>/og/.
 * Run after `astro build`: tsx scripts/social-cards.ts [site-folder]. Reads the records from
 * REGISTRY_DATA_DIR (default data/), like every other build step. Unchanged cards come from the
 * cache in SOCIAL_CARDS_CACHE_DIR (default .cache/social-cards/), which drops the cards no build has
 * used for a while (`unusedCardDays` in render.ts).
 */
import { resolve } from "node:path";
import { languages } from "../src/i18n/index.ts";
import { registryFromFiles } from "../src/lib/model/registry-from-files.ts";
import { allCards } from "../src/lib/outputs/social-cards/card.ts";
import { writeCards } from "../src/lib/outputs/social-cards/render.ts";

const siteDir = resolve(process.argv[2] ?? "dist");
const model = registryFromFiles();
const cards = allCards(model, languages);
const report = await writeCards(cards, {
  root: process.cwd(),
  outDir: resolve(siteDir, "og"),
  cacheDir: resolve(process.env.SOCIAL_CARDS_CACHE_DIR ?? ".cache/social-cards"),
});
console.log(
  `social cards: ${cards.length} written, ${report.drawn} drawn on ${report.workers} worker(s), ${report.reused} from cache, ${report.deleted} unused deleted from the cache`,
);
