import { mapsIn } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "superseded-by-status",
  severity: "error",
  description:
    "A status step has supersededBy exactly when its status is superseded: a successor is named, and only then.",
  scope: "record",
  *check({ collection, data }) {
    if (collection !== "deployments") return;
    for (const { item, index } of mapsIn(data.status)) {
      const superseded = item.status === "superseded";
      const successor = item.supersededBy !== undefined;
      if (successor && !superseded) {
        yield { path: ["status", index, "supersededBy"], message: "supersededBy goes only with status superseded" };
      } else if (superseded && !successor) {
        yield {
          path: ["status", index, "status"],
          message: "status superseded needs supersededBy: the id of the successor",
        };
      }
    }
  },
} satisfies Rule;
