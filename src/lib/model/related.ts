/**
 * Related entries: how close two deployments are, and the closest few of a group. Entry pages
 * show these few (by product, federation group, authority and country) and link to the rest, so a
 * page stays the same size however large the registry grows.
 */
import type { DeploymentEntry } from "./registry-model.ts";
import { sector } from "../../schema/vocabulary.ts";

/** How many related entries a list shows at most; the rest is one link away, so an entry page stays small. */
export const relatedLimit = 6;

/** A list of related entries: the most related few, and how many there are in all. */
export type RelatedGroup = { shown: DeploymentEntry[]; total: number };

/**
 * What closeness compares, read once per deployment, with the sectors as bits (one per sector of
 * the vocabulary): an entry page compares its entry with every one of its country, so the
 * comparison must not allocate.
 */
type Traits = { region: string | undefined; product: string | undefined; level: string; sectors: number };
const traitsOf = new WeakMap<DeploymentEntry, Traits>();
const sectorBit = new Map(sector.options.map((name, i) => [name, 2 ** i]));

function traits(d: DeploymentEntry): Traits {
  let found = traitsOf.get(d);
  if (!found) {
    let sectors = 0;
    for (const name of d.sectors) sectors |= sectorBit.get(name)!;
    found = { region: d.region, product: d.productEntry?.id, level: d.level, sectors };
    traitsOf.set(d, found);
  }
  return found;
}

/** The number of bits set in a 32-bit number (the sectors two deployments share). */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

function closenessOf(entry: Traits, other: Traits): number {
  return (
    (entry.region !== undefined && other.region === entry.region ? 4 : 0) +
    (entry.product !== undefined && other.product === entry.product ? 2 : 0) +
    (other.level === entry.level ? 1 : 0) +
    bitCount(entry.sectors & other.sectors)
  );
}

/** How closely two deployments are related: same region 4, same product 2, same level 1, and 1 per shared sector. */
export function closeness(entry: DeploymentEntry, other: DeploymentEntry): number {
  return closenessOf(traits(entry), traits(other));
}

type Scored = { d: DeploymentEntry; score: number };

/** Whether `d`, of closeness `score`, goes before `other` among related entries: closer first, then by id. */
const goesBefore = (d: DeploymentEntry, score: number, other: Scored) =>
  score > other.score || (score === other.score && d.id < other.d.id);

/**
 * The most related few of `candidates` (leaving out the entry itself), closer first, then by id,
 * and how many there are. One pass that keeps the best `relatedLimit`, so a country of thousands
 * costs each entry page one look at each, not a sort.
 */
export function mostRelated(entry: DeploymentEntry, candidates: DeploymentEntry[] = []): RelatedGroup {
  const own = traits(entry);
  const best: Scored[] = [];
  let total = 0;
  for (const d of candidates) {
    if (d.id === entry.id) continue;
    total += 1;
    const score = closenessOf(own, traits(d));
    if (best.length === relatedLimit && !goesBefore(d, score, best[best.length - 1]!)) continue;
    let at = best.length;
    while (at > 0 && goesBefore(d, score, best[at - 1]!)) at -= 1;
    best.splice(at, 0, { d, score });
    if (best.length > relatedLimit) best.pop();
  }
  return { shown: best.map(({ d }) => d), total };
}
