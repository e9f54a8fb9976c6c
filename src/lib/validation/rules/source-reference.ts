import { closestMatch } from "../closest-match.ts";
import { quote } from "../quoting.ts";
import { asString, everyMap, sourceIdsOf } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

/** "No source with id …", with the closest id of the record's sources as a hint. */
export function unknownSourceMessage(ref: string, known: Set<string>): string {
  const suggestion = closestMatch(ref, known);
  return `no source with id ${quote(ref)} in this record's sources${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ""}`;
}

export default {
  id: "source-reference",
  severity: "error",
  description:
    "Every list of source ids in a record (any `sources` below the top level, in any key fact, step or stance) names sources of that record.",
  scope: "record",
  *check({ data }) {
    const known = sourceIdsOf(data);
    for (const { map, path } of everyMap(data)) {
      // The top-level `sources` is the list of source objects the references point to.
      if (path.length === 0 || !Array.isArray(map.sources)) continue;
      for (const [index, ref] of map.sources.entries()) {
        const id = asString(ref);
        if (id !== undefined && !known.has(id)) {
          yield { path: [...path, "sources", index], message: unknownSourceMessage(id, known) };
        }
      }
    }
  },
} satisfies Rule;
