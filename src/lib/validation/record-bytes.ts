/**
 * What the validator knows about a record file's bytes without touching a file system, so that the
 * same checks run in the browser editor: the size cap, the kinds of folder entry, UTF-8 and the
 * byte order mark, the text a file's bytes give, and how a file name spells an id.
 */

/** The largest record file read: ten times the largest record so far, far below what could exhaust memory. */
export const maxRecordBytes = 256 * 1024;

/** What a directory entry is, as `lstat` says (a symbolic link is a link, whatever it points to). */
export type EntryKind = "file" | "symbolic link" | "directory" | "special file" | "unreadable";

/** The platform's strict UTF-8 decoder: it refuses what Unicode table 3-7 refuses, and is fast. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Offset of the first byte that is not well-formed UTF-8 (Unicode table 3-7), or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  try {
    strictUtf8.decode(bytes);
    return undefined;
  } catch {
    // Ill-formed somewhere: the walk below finds where.
  }
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
  // The decoder and the table agree; should they ever not, the file is still refused, not dropped.
  return 0;
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
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
  return (startsWithBom(bytes) ? text.slice(1) : text).replace(/\r\n?/g, "\n");
}

/** The id a file name claims, spelled the way file systems and URLs may confuse it: `X.yml` and `x.yaml` are both `x`. */
export function idSpelling(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\..*$/s, "");
}
