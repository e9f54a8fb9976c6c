import { asString, mapsIn, sourceIdsOf } from "../raw-data.ts";
import type { Rule } from "../rule.ts";
import { unknownSourceMessage } from "./source-reference.ts";

export default {
  id: "source-via",
  severity: "error",
  description: "A source's `via` names another source of the same record, through which it is known.",
  scope: "record",
  *check({ data }) {
    const known = sourceIdsOf(data);
    for (const { item, index } of mapsIn(data.sources)) {
      const via = asString(item.via);
      if (via === undefined) continue;
      if (via === item.id) yield { path: ["sources", index, "via"], message: "a source cannot be known via itself" };
      else if (!known.has(via)) yield { path: ["sources", index, "via"], message: unknownSourceMessage(via, known) };
    }
  },
} satisfies Rule;
