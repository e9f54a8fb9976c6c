import { collections } from "../../../schema/index.ts";
import type { Rule } from "../rule.ts";
import { issueFindings } from "../schema-issues.ts";

export default {
  id: "schema",
  severity: "error",
  description:
    "A record matches its collection's schema in src/schema/: known fields, required fields, types, vocabulary, dates, addresses and free text.",
  scope: "record",
  *check({ collection, yaml, schemaResult }) {
    if (schemaResult.success) return;
    for (const issue of schemaResult.error.issues) yield* issueFindings(issue, yaml, collections[collection]);
  },
} satisfies Rule;
