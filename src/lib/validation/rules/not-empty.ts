import type { Rule } from "../rule.ts";

export default {
  id: "not-empty",
  severity: "error",
  description: "A record file holds fields, not only comments or nothing.",
  scope: "document",
  *check({ yaml }) {
    if (yaml.errors.length === 0 && yaml.contents === "nothing") {
      yield { position: { line: 1, column: 1 }, message: "file is empty: a record needs fields" };
    }
  },
} satisfies Rule;
