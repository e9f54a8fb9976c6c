import { startsWithBom } from "../record-bytes.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "no-bom",
  severity: "error",
  description: "A record file does not start with a byte order mark (BOM), so its first line is the schema comment.",
  scope: "bytes",
  *check({ bytes }) {
    if (startsWithBom(bytes)) {
      yield {
        position: { line: 1, column: 1 },
        message: "file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
      };
    }
  },
} satisfies Rule;
