/**
 * The files of a data folder as the validator sees them before reading any: what each entry is
 * (never following a symbolic link), and reading a record's bytes with a size cap.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { CollectionName } from "../../schema/index.ts";
import { maxRecordBytes, type EntryKind } from "./record-bytes.ts";

export {
  firstInvalidUtf8,
  idSpelling,
  maxRecordBytes,
  recordText,
  startsWithBom,
  utf8Bom,
  type EntryKind,
} from "./record-bytes.ts";

/** One entry of a collection folder (or the folder itself, when it is not a plain directory). */
export type RecordEntry = {
  collection: CollectionName;
  /** The entry's name in its folder, e.g. `de-he-hepolchat.yaml`. */
  name: string;
  /** The path shown in reports, relative to the display root. */
  file: string;
  /** The path to read. */
  path: string;
  kind: EntryKind;
  size: number;
  /** True for the collection folder itself, listed only when it is not a plain directory. */
  isCollectionFolder: boolean;
};

function kindOf(path: string): { kind: EntryKind; size: number } {
  try {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) return { kind: "symbolic link", size: 0 };
    if (stats.isDirectory()) return { kind: "directory", size: 0 };
    if (!stats.isFile()) return { kind: "special file", size: 0 };
    return { kind: "file", size: stats.size };
  } catch {
    return { kind: "unreadable", size: 0 };
  }
}

/**
 * The entries of `dataDir/<collection>/`, sorted by name; a collection folder that is itself a
 * symbolic link or not a directory is returned as one entry, so it is reported and never entered.
 */
export function collectionEntries(dataDir: string, collection: CollectionName, displayRoot: string): RecordEntry[] {
  const folder = join(dataDir, collection);
  const entry = (path: string, name: string, isCollectionFolder = false): RecordEntry => ({
    collection,
    name,
    path,
    file: relative(displayRoot, path),
    ...kindOf(path),
    isCollectionFolder,
  });
  const self = entry(folder, collection, true);
  if (self.kind === "unreadable") return [];
  if (self.kind !== "directory") return [self];
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [{ ...self, kind: "unreadable" }];
  }
  return names.map((name) => entry(join(folder, name), name));
}

/** True when an entry is read as a record: a regular file, named `<id>.yaml`, within the size cap. */
export function isRecordFile(entry: RecordEntry): boolean {
  return (
    !entry.isCollectionFolder && entry.kind === "file" && entry.name.endsWith(".yaml") && entry.size <= maxRecordBytes
  );
}

/**
 * The bytes of a record file, opened without following a symbolic link and without waiting on a
 * pipe, and never more than `maxRecordBytes` of them. Throws if the entry changed into anything
 * else since it was listed.
 */
export function readRecordBytes(path: string): Uint8Array {
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const fd = openSync(path, flags);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error("not a regular file");
    if (stats.size > maxRecordBytes) throw new Error(`larger than ${maxRecordBytes} bytes`);
    // One byte more than expected, to notice a file that grew while being read.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > stats.size) throw new Error("changed while being read");
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
