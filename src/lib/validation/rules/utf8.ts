import { firstInvalidUtf8 } from "../record-bytes.ts";
import type { Rule } from "../rule.ts";

/** Line and column of a byte offset, counting line breaks the way the validator reads them (LF, CRLF, CR). */
function positionOfByte(bytes: Uint8Array, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder().decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

export default {
  id: "utf8",
  severity: "error",
  description:
    "A record file is UTF-8 text; any other encoding is refused with the place of the first byte that is not UTF-8.",
  scope: "bytes",
  *check({ bytes }) {
    const offset = firstInvalidUtf8(bytes);
    if (offset === undefined) return;
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")}`;
    yield {
      position: positionOfByte(bytes, offset),
      message: utf16
        ? "invalid UTF-8: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"
        : `invalid UTF-8: byte ${byte} at offset ${offset} is not UTF-8 text; save the file as UTF-8`,
    };
  },
} satisfies Rule;
