/**
 * How the validator shows what a record contains (file names, keys, values): quoted, shortened and
 * with every invisible or line-breaking character escaped, so that no record can forge a line of
 * output, a GitHub workflow command or a terminal escape sequence.
 */

// Controls, format characters (bidi, zero-width), line and paragraph separators, surrogates, noncharacters.
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;
const plain = /^[A-Za-z0-9._/@+-]*$/;
const shortEscapes: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with each unsafe character written as an escape (`\n`, `\u001b`); nothing else changes. */
export function escapeUnsafe(text: string): string {
  return text.replace(unsafe, (char) => {
    const value = char.codePointAt(0)!;
    const hex = value.toString(16).padStart(4, "0");
    return shortEscapes[char] ?? (value > 0xffff ? `\\u{${hex}}` : `\\u${hex}`);
  });
}

/** A value in double quotes, escaped, and cut to `max` characters so that no value floods the report. */
export function quote(value: string, max = 80): string {
  const chars = [...value.slice(0, max * 2 + 1)];
  const shown = chars.length > max ? `${chars.slice(0, max).join("")}…` : value;
  return `"${escapeUnsafe(shown.replace(/[\\"]/g, (char) => `\\${char}`))}"`;
}

/** A file name or path as is when it holds only ordinary characters, else quoted. */
export function plainOrQuoted(text: string): string {
  return plain.test(text) ? text : quote(text, 200);
}
