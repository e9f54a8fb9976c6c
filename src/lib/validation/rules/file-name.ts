import { recordId } from "../../../schema/common.ts";
import { quote } from "../quoting.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "file-name",
  severity: "error",
  description:
    "A file's name (without .yaml) is the record's id and its address: lowercase letters, digits and single hyphens.",
  scope: "document",
  *check({ id }) {
    if (recordId.safeParse(id).success) return;
    yield {
      position: { line: 1, column: 1 },
      message: `file name ${quote(id)} is not a valid id: use lowercase letters, digits and single hyphens (at most 100)`,
    };
  },
} satisfies Rule;
