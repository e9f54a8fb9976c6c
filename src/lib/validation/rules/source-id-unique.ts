import { quote } from "../quoting.ts";
import { asString, mapsIn } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "source-id-unique",
  severity: "error",
  description: "Each source of a record has its own id, so every reference names one source.",
  scope: "record",
  *check({ data }) {
    const seen = new Set<string>();
    for (const { item, index } of mapsIn(data.sources)) {
      const id = asString(item.id);
      if (id === undefined) continue;
      if (seen.has(id))
        yield { path: ["sources", index, "id"], message: `source id ${quote(id)} is used twice in this record` };
      seen.add(id);
    }
  },
} satisfies Rule;
