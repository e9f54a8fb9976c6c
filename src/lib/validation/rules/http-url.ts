import { asString, mapsIn } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "http-url",
  severity: "warning",
  description:
    "A source's address uses https where the source offers it; plain http is kept only where the source exists only there.",
  scope: "record",
  *check({ data }) {
    for (const { item, index } of mapsIn(data.sources)) {
      if (asString(item.url)?.startsWith("http://")) {
        yield {
          path: ["sources", index, "url"],
          message: "plain http address: keep it only if the source exists only there",
        };
      }
    }
  },
} satisfies Rule;
