import type { Rule } from "../rule.ts";
import { positionOf } from "../yaml-source.ts";

export default {
  id: "map-of-fields",
  severity: "error",
  description: "A record is a map of fields (key: value), not a list or a single value.",
  scope: "document",
  *check({ yaml }) {
    if (yaml.errors.length > 0 || yaml.contents !== "other") return;
    yield {
      position: positionOf(yaml.document.contents ?? undefined, yaml.lineCounter),
      message: "a record must be a map of fields (key: value), not a list or a single value",
    };
  },
} satisfies Rule;
