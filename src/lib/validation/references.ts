/** Where a record names another record by id: the references that must resolve, and the chains that must not loop. */
import type { CollectionName } from "../../schema/index.ts";
import { asMap, asString, mapsIn, type RawMap } from "./raw-data.ts";

/** One reference in a record's raw data. */
export type Reference = {
  /** Where it is written. */
  path: PropertyKey[];
  /** The field, as contributors know it, e.g. `supersededBy`. */
  field: string;
  /** The collection the named record must be in. */
  target: CollectionName;
  id: string;
  /** A chain (successor, base product) is followed record to record, so it must not come back round. */
  chain: boolean;
};

/** Every reference to another record in `data`, a raw record of `collection`. */
export function referencesIn(collection: CollectionName, data: RawMap): Reference[] {
  const refs: Reference[] = [];
  const add = (path: PropertyKey[], value: unknown, target: CollectionName, chain: boolean) => {
    const id = asString(value);
    if (id !== undefined) refs.push({ path, field: String(path.at(-1)), target, id, chain });
  };
  if (collection === "deployments") {
    // The product is an id, or the long form { value: id, sources, confidence }.
    const product = asMap(data.product);
    if (product) add(["product", "value"], product.value, "products", false);
    else add(["product"], data.product, "products", false);
    for (const { item, index } of mapsIn(data.status)) {
      add(["status", index, "supersededBy"], item.supersededBy, "deployments", true);
    }
  } else if (collection === "products") {
    add(["basedOn"], data.basedOn, "products", true);
  } else {
    for (const { item, index } of mapsIn(data.stances))
      add(["stances", index, "product"], item.product, "products", false);
  }
  return refs;
}

/**
 * All of a raw record the registry rules read: its aliases and its references, at their places
 * (a list keeps its length, so every index stays the same). Registry rules see only this, so a
 * check can be kept, or made in another thread, without the rest of the record.
 */
export function registryView(collection: CollectionName, data: RawMap): RawMap {
  const view: RawMap = {};
  if (Array.isArray(data.aliases)) view.aliases = [...data.aliases];
  for (const ref of referencesIn(collection, data)) setAt(view, ref.path, ref.id);
  return view;
}

function setAt(target: RawMap, path: readonly PropertyKey[], value: unknown): void {
  let node: Record<PropertyKey, unknown> = target;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    node[segment] ??= typeof path[i + 1] === "number" ? [] : {};
    node = node[segment] as Record<PropertyKey, unknown>;
  });
}
