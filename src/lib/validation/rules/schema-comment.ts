import type { CollectionName } from "../../../schema/index.ts";
import type { Rule } from "../rule.ts";

/** The first line each record carries so editors can check it while typing. */
export function schemaComment(collection: CollectionName): string {
  return `# yaml-language-server: $schema=../../public/schema/${collection.replace(/s$/, "")}.schema.json`;
}

export default {
  id: "schema-comment",
  severity: "error",
  description: "A record's first line points editors to its JSON Schema, so they check it while typing.",
  scope: "document",
  *check({ collection, text, yaml }) {
    if (yaml.contents === "nothing" || text.startsWith(schemaComment(collection))) return;
    yield {
      position: { line: 1, column: 1 },
      message: `first line must be "${schemaComment(collection)}" so editors check the record`,
    };
  },
} satisfies Rule;
