import type { EntryKind } from "../record-files.ts";
import type { Rule } from "../rule.ts";

const what: Record<Exclude<EntryKind, "file">, string> = {
  "symbolic link": "a symbolic link, which is never followed; commit the file itself",
  directory: "a directory; records are files directly in the collection folder",
  "special file": "a device, pipe or socket, not a regular file",
  unreadable: "it could not be read",
};

export default {
  id: "file-type",
  severity: "error",
  description:
    "Only regular files are records: symbolic links are never followed; directories, devices and pipes are refused.",
  scope: "entry",
  *check(entry) {
    if (entry.kind === "file") return;
    yield { message: `not a record: ${what[entry.kind]}` };
  },
} satisfies Rule;
