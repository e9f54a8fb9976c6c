/**
 * Reading a record's raw data defensively, for rules that run whether or not the record passes
 * its schema: a value of the wrong shape reads as missing, and the schema rule reports it.
 */

/** A YAML map as plain data. */
export type RawMap = Record<string, unknown>;

/** `value` if it is a map, else undefined. */
export function asMap(value: unknown): RawMap | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as RawMap) : undefined;
}

/** `value` if it is a string, else undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `value` if it is a list, else an empty list. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The entries of a list that are maps, with their index in the list. */
export function mapsIn(value: unknown): { item: RawMap; index: number }[] {
  return asList(value).flatMap((item, index) => {
    const map = asMap(item);
    return map ? [{ item: map, index }] : [];
  });
}

/** A map found in a record, and the path to it. */
export type MapAt = { map: RawMap; path: readonly PropertyKey[] };

// Several rules walk each record; the walk is made once per record.
const mapsOfRecord = new WeakMap<object, MapAt[]>();

/** Every map in `value`, however deep, with its path; each is visited once (linear in the data's size). */
export function everyMap(value: unknown): readonly MapAt[] {
  const known = value !== null && typeof value === "object" ? mapsOfRecord.get(value) : undefined;
  if (known) return known;
  const found: MapAt[] = [];
  const stack: { value: unknown; path: readonly PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (Array.isArray(next.value)) {
      next.value.forEach((item, i) => stack.push({ value: item, path: [...next.path, i] }));
      continue;
    }
    const map = asMap(next.value);
    if (!map) continue;
    found.push({ map, path: next.path });
    for (const [key, item] of Object.entries(map)) {
      if (item !== null && typeof item === "object") stack.push({ value: item, path: [...next.path, key] });
    }
  }
  if (value !== null && typeof value === "object") mapsOfRecord.set(value, found);
  return found;
}

/** The ids of a record's own sources (its top-level `sources` list). */
export function sourceIdsOf(data: RawMap): Set<string> {
  return new Set(mapsIn(data.sources).flatMap(({ item }) => asString(item.id) ?? []));
}
