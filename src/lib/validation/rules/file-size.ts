import { maxRecordBytes } from "../record-bytes.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "file-size",
  severity: "error",
  description: `A record file has at most ${maxRecordBytes / 1024} KiB, checked before it is read.`,
  scope: "entry",
  *check(entry) {
    if (entry.isCollectionFolder || entry.kind !== "file" || entry.size <= maxRecordBytes) return;
    yield {
      message: `file has ${entry.size} bytes; a record may have at most ${maxRecordBytes} (${maxRecordBytes / 1024} KiB)`,
    };
  },
} satisfies Rule;
