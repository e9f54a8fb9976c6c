import type { Rule } from "../rule.ts";
import { positionOf } from "../yaml-source.ts";

export default {
  id: "yaml-no-anchors",
  severity: "error",
  description:
    "Records use no anchors (&name) or aliases (*name): they are never needed, and refusing them rules out alias bombs.",
  scope: "document",
  *check({ yaml }) {
    for (const node of yaml.anchors) {
      yield {
        position: positionOf(node, yaml.lineCounter),
        message: "YAML: anchors (&name) are not allowed in records",
      };
    }
    for (const node of yaml.aliases) {
      yield {
        position: positionOf(node, yaml.lineCounter),
        message: "YAML: aliases (*name) are not allowed in records; write the value out",
      };
    }
  },
} satisfies Rule;
