import { idSpelling } from "../record-files.ts";
import { plainOrQuoted, quote } from "../quoting.ts";
import type { RecordEntry, Rule } from "../rule.ts";

export default {
  id: "id-unique",
  severity: "error",
  description:
    "No two files of a collection give the same id in any spelling (x.yaml and x.yml, X.yaml and x.yaml), so no record can stand in for another.",
  scope: "registry",
  *check({ entries }) {
    const first = new Map<string, RecordEntry>();
    for (const entry of entries) {
      if (entry.isCollectionFolder) continue;
      const key = `${entry.collection}/${idSpelling(entry.name)}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, entry);
        continue;
      }
      yield {
        in: entry,
        position: { line: 1, column: 1 },
        message: `id ${quote(idSpelling(entry.name))} is already the id of ${plainOrQuoted(earlier.file)}: ids must differ in more than letter case or file extension`,
      };
    }
  },
} satisfies Rule;
