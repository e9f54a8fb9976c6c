import { plainOrQuoted } from "../quoting.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "file-extension",
  severity: "error",
  description:
    "Every file in a collection folder ends in .yaml: anything else is not read, so it would be lost silently.",
  scope: "entry",
  *check(entry) {
    if (entry.isCollectionFolder || entry.kind !== "file" || entry.name.endsWith(".yaml")) return;
    const rename = /\.yml$/i.test(entry.name)
      ? ` (rename it ${plainOrQuoted(entry.name.replace(/\.yml$/i, ".yaml"))})`
      : "";
    yield { message: `not a record: files in ${entry.collection}/ must end in .yaml${rename}` };
  },
} satisfies Rule;
