/**
 * Related entries: how close two deployments are, and the closest few of a group. Entry pages
 * show these few (by product, federation group, authority and country) and link to the rest, so a
 * page stays the same size however large the registry grows.
 */
import type { DeploymentEntry } from "./registry-model.ts";

/** How many related entries a list shows at most; the rest is one link away, so an entry page stays small. */
export const relatedLimit = 6;

/** A list of related entries: the most related few, and how many there are in all. */
export type RelatedGroup = { shown: DeploymentEntry[]; total: number };

/** How closely two deployments are related: same region, shared sectors, same product, same level. */
export function closeness(entry: DeploymentEntry, other: DeploymentEntry): number {
  // Counted without making a list: an entry page compares its entry with every one of its country.
  let sharedSectors = 0;
  for (const sector of other.sectors) if (entry.sectors.includes(sector)) sharedSectors += 1;
  return (
    (entry.region !== undefined && other.region === entry.region ? 4 : 0) +
    (entry.productEntry !== undefined && other.productEntry?.id === entry.productEntry.id ? 2 : 0) +
    (other.level === entry.level ? 1 : 0) +
    sharedSectors
  );
}

/** Whether `a` goes before `b` among related entries: closer first, then by id. */
const closerFirst = (a: { d: DeploymentEntry; score: number }, b: { d: DeploymentEntry; score: number }) =>
  a.score > b.score || (a.score === b.score && a.d.id < b.d.id);

/**
 * The most related few of `candidates` (leaving out the entry itself), and how many there are. One
 * pass that keeps the best `relatedLimit`, so a country of thousands costs each entry page one
 * look at each, not a sort.
 */
export function mostRelated(entry: DeploymentEntry, candidates: DeploymentEntry[] = []): RelatedGroup {
  const best: { d: DeploymentEntry; score: number }[] = [];
  let total = 0;
  for (const d of candidates) {
    if (d.id === entry.id) continue;
    total += 1;
    const scored = { d, score: closeness(entry, d) };
    if (best.length === relatedLimit && !closerFirst(scored, best[best.length - 1]!)) continue;
    let at = best.length;
    while (at > 0 && closerFirst(scored, best[at - 1]!)) at -= 1;
    best.splice(at, 0, scored);
    if (best.length > relatedLimit) best.pop();
  }
  return { shown: best.map(({ d }) => d), total };
}
