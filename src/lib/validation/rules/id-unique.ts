import { idSpelling } from "../record-bytes.ts";
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
      const id = idSpelling(entry.name);
      // A name that is all extension (.gitkeep) claims no id; file-extension refuses it.
      if (entry.isCollectionFolder || id === "") continue;
      const key = `${entry.collection}/${id}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, entry);
        continue;
      }
      yield {
        in: entry,
        position: { line: 1, column: 1 },
        message: `id ${quote(id)} is already the id of ${plainOrQuoted(earlier.file)}: ids must differ in more than letter case or file extension`,
      };
    }
  },
} satisfies Rule;
