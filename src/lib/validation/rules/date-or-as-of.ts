import { mapsIn } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "date-or-as-of",
  severity: "error",
  description: "A status step gives date (when it began) or asOf (a day a source shows it), not both.",
  scope: "record",
  *check({ collection, data }) {
    if (collection !== "deployments") return;
    for (const { item, index } of mapsIn(data.status)) {
      if (item.date !== undefined && item.asOf !== undefined) {
        yield {
          path: ["status", index, "asOf"],
          message: "give date (when it began) or asOf (seen on that day), not both",
        };
      }
    }
  },
} satisfies Rule;
