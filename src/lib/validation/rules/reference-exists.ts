import type { CollectionName } from "../../../schema/index.ts";
import { closestMatch } from "../closest-match.ts";
import { plainOrQuoted, quote } from "../quoting.ts";
import { referencesIn } from "../references.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "reference-exists",
  severity: "error",
  description:
    "Every id that names another record (product, supersededBy, basedOn, a stance's product) is the id of a record in data/.",
  scope: "registry",
  *check({ records }) {
    const ids = new Map<CollectionName, Set<string>>();
    for (const record of records) ids.set(record.collection, (ids.get(record.collection) ?? new Set()).add(record.id));
    for (const record of records) {
      for (const ref of referencesIn(record.collection, record.data)) {
        const known = ids.get(ref.target) ?? new Set<string>();
        if (known.has(ref.id)) continue;
        const suggestion = closestMatch(ref.id, known);
        yield {
          in: record,
          path: ref.path,
          message:
            `no record ${plainOrQuoted(`data/${ref.target}/${ref.id}.yaml`)}` +
            (suggestion ? ` (did you mean ${quote(suggestion)}?)` : ""),
        };
      }
    }
  },
} satisfies Rule;
