import { isCalendarDate } from "../../../schema/common.ts";
import { asString, mapsIn } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "status-order",
  severity: "error",
  description: "A deployment's status history is written oldest first, so its last dated step is the current status.",
  scope: "record",
  *check({ collection, data }) {
    if (collection !== "deployments") return;
    let previous: string | undefined;
    for (const { item, index } of mapsIn(data.status)) {
      const key = item.date !== undefined ? "date" : "asOf";
      const when = asString(item[key]);
      if (when === undefined || !isCalendarDate(when)) continue;
      if (previous !== undefined && when < previous) {
        yield {
          path: ["status", index, key],
          message: `status history must be oldest first: ${when} comes after ${previous}`,
        };
      }
      previous = when;
    }
  },
} satisfies Rule;
