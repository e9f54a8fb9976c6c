/**
 * The files of a data folder as the validator sees them before reading any: what each entry is
 * (never following a symbolic link), and reading a record's bytes with a size cap.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { CollectionName } from "../../schema/index.ts";

/** The largest record file read: ten times the largest record so far, far below what could exhaust memory. */
export const maxRecordBytes = 256 * 1024;

/** What a directory entry is, as `lstat` says (a symbolic link is a link, whatever it points to). */
export type EntryKind = "file" | "symbolic link" | "directory" | "special file" | "unreadable";

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

/** Offset of the first byte that is not well-formed UTF-8 (Unicode table 3-7), or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // For each lead byte: how many continuation bytes follow, and the range the first of them must lie in.
    const [count, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [1, 0x80, 0xbf]
        : lead === 0xe0
          ? [2, 0xa0, 0xbf]
          : lead === 0xed
            ? [2, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [2, 0x80, 0xbf]
              : lead === 0xf0
                ? [3, 0x90, 0xbf]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [3, 0x80, 0xbf]
                  : lead === 0xf4
                    ? [3, 0x80, 0x8f]
                    : [0, 0, 0];
    if (count === 0) return i;
    for (let k = 1; k <= count; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += count + 1;
  }
  return undefined;
}

/** The UTF-8 byte order mark. */
export const utf8Bom = [0xef, 0xbb, 0xbf] as const;

/** True when `bytes` start with the UTF-8 byte order mark. */
export function startsWithBom(bytes: Uint8Array): boolean {
  return utf8Bom.every((byte, i) => bytes[i] === byte);
}

/**
 * A record's text: strict UTF-8 without the byte order mark, every line break (CRLF, CR) made `\n`
 * so that lines count the same whatever editor wrote the file. Undefined if the bytes are not UTF-8.
 */
export function recordText(bytes: Uint8Array): string | undefined {
  if (firstInvalidUtf8(bytes) !== undefined) return undefined;
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  return (startsWithBom(bytes) ? text.slice(1) : text).replace(/\r\n?/g, "\n");
}

/** The id a file name claims, spelled the way file systems and URLs may confuse it: `X.yml` and `x.yaml` are both `x`. */
export function idSpelling(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\..*$/s, "");
}
