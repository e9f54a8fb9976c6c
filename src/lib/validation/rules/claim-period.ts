import { earliestDay, isCalendarDate, latestDay } from "../../../schema/common.ts";
import { asString, everyMap } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "claim-period",
  severity: "error",
  description:
    "A claim's dates describe one period: until is not before from, asOf not before from, and a claim gives until or asOf, not both.",
  scope: "record",
  *check({ data }) {
    const date = (value: unknown) => {
      const text = asString(value);
      return text !== undefined && isCalendarDate(text) ? text : undefined;
    };
    // Claims are the maps with a from or an until; a status step's asOf beside its date is date-or-as-of's.
    for (const { map, path } of everyMap(data)) {
      if (map.from === undefined && map.until === undefined) continue;
      const from = date(map.from);
      const until = date(map.until);
      const asOf = date(map.asOf);
      if (from && until && earliestDay(until) < earliestDay(from)) {
        yield { path: [...path, "until"], message: `until ${until} lies before from ${from}` };
      }
      if (asOf && from && latestDay(asOf) < earliestDay(from)) {
        yield { path: [...path, "asOf"], message: `asOf ${asOf} lies before from ${from}` };
      }
      if (map.asOf !== undefined && map.until !== undefined) {
        yield { path: [...path, "asOf"], message: "give until (when it stopped) or asOf (seen on that day), not both" };
      }
    }
  },
} satisfies Rule;
