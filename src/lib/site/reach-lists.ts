/**
 * The lists of the who-can-reach-whom pages. The reach page names at most so many deployments
 * per network and class (`reachPageLimits` in src/config.ts), so it grows with the number of
 * networks and classes, not of records; each class's own pages (`/de/reach/island/`, …) list
 * every deployment of the class, in pages like the table's.
 */
import type { Lang } from "../../i18n/index.ts";
import { reachClasses, type ReachClass, type ReachNetwork, type ReachOverview } from "../model/reach.ts";
import type { DeploymentEntry } from "../model/registry-model.ts";

/** Orders deployment ids by jurisdiction, then name, in the reader's language. */
export function byJurisdictionAndName(byId: Map<string, DeploymentEntry>, lang: Lang) {
  const collator = new Intl.Collator(lang);
  return (a: string, b: string) =>
    collator.compare(byId.get(a)!.jurisdictionName[lang], byId.get(b)!.jurisdictionName[lang]) ||
    collator.compare(byId.get(a)!.displayName[lang], byId.get(b)!.displayName[lang]) ||
    a.localeCompare(b);
}

/** Every class that has deployments, with their ids in list order. */
export function reachClassLists(
  overview: ReachOverview,
  byId: Map<string, DeploymentEntry>,
  lang: Lang,
): { reachClass: ReachClass; ids: string[] }[] {
  const order = byJurisdictionAndName(byId, lang);
  return reachClasses
    .map((reachClass) => ({
      reachClass,
      ids: [...overview.byId.values()]
        .filter((reach) => reach.class === reachClass)
        .map((reach) => reach.id)
        .sort(order),
    }))
    .filter((list) => list.ids.length > 0);
}

/** The classes whose full lists hold the given deployments, in the order of `reachClasses`. */
export function classesOf(ids: Iterable<string>, overview: ReachOverview): ReachClass[] {
  const found = new Set<ReachClass>();
  for (const id of ids) found.add(overview.byId.get(id)!.class);
  return reachClasses.filter((reachClass) => found.has(reachClass));
}

/** A network's members (disputed ones too) in list order. */
export function networkMembers(network: ReachNetwork, order: (a: string, b: string) => number): string[] {
  return [...network.members, ...network.disputedMembers].sort(order);
}
