import { isScalar } from "yaml";
import { quote } from "../quoting.ts";
import type { Rule } from "../rule.ts";
import { positionOf } from "../yaml-source.ts";

export default {
  id: "yaml-duplicate-key",
  severity: "error",
  description: "No key appears twice in the same map (YAML would keep only one of the two values).",
  scope: "document",
  *check({ yaml }) {
    for (const key of yaml.duplicateKeys) {
      const name = isScalar(key) ? ` ${quote(String(key.value))}` : "";
      yield {
        position: positionOf(key, yaml.lineCounter),
        message: `YAML: duplicate key${name}: each field may appear only once`,
      };
    }
  },
} satisfies Rule;
