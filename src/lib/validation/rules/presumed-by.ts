import { everyMap } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "presumed-by",
  severity: "error",
  description:
    "presumedBy (whose presumption it is) goes with confidence: presumed only, on claims, status steps, approvals and stances.",
  scope: "record",
  *check({ data }) {
    for (const { map, path } of everyMap(data)) {
      if (map.presumedBy !== undefined && map.confidence !== "presumed") {
        yield { path: [...path, "presumedBy"], message: "presumedBy goes with confidence presumed only" };
      }
    }
  },
} satisfies Rule;
