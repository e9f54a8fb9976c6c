import type { EntryKind } from "../record-bytes.ts";
import type { Rule } from "../rule.ts";

const asRecord: Record<EntryKind, string> = {
  file: "",
  "symbolic link": "a symbolic link, which is never followed; commit the file itself",
  directory: "a directory; records are files directly in the collection folder",
  "special file": "a device, pipe or socket, not a regular file",
  unreadable: "it could not be read",
};

const asFolder: Record<EntryKind, string> = {
  file: "a file",
  "symbolic link": "a symbolic link, which is never followed",
  directory: "",
  "special file": "a device, pipe or socket",
  unreadable: "it could not be read",
};

export default {
  id: "file-type",
  severity: "error",
  description:
    "Only regular files are records: symbolic links are never followed; directories, devices and pipes are refused.",
  scope: "entry",
  *check(entry) {
    if (entry.isCollectionFolder) yield { message: `not a collection folder: ${asFolder[entry.kind]}` };
    else if (entry.kind !== "file") yield { message: `not a record: ${asRecord[entry.kind]}` };
  },
} satisfies Rule;
