import { plainOrQuoted } from "../quoting.ts";
import { asString, everyMap } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "region-in-country",
  severity: "error",
  description: "A region (ISO 3166-2) lies in the country given beside it, e.g. DE-BY in DE.",
  scope: "record",
  *check({ data }) {
    for (const { map, path } of everyMap(data)) {
      const country = asString(map.country);
      const region = asString(map.region);
      if (country === undefined || region === undefined || region.startsWith(`${country}-`)) continue;
      yield {
        path: [...path, "region"],
        message: `region ${plainOrQuoted(region)} does not lie in country ${plainOrQuoted(country)}`,
      };
    }
  },
} satisfies Rule;
