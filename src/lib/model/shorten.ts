/** Cutting free text to a length that an output (a social card, an issue link) can carry. */

/** Each opening bidirectional control and the character that closes it (PDF or PDI). */
const bidiClosers: Record<string, string> = {
  "\u202A": "\u202C",
  "\u202B": "\u202C",
  "\u202D": "\u202C",
  "\u202E": "\u202C",
  "\u2066": "\u2069",
  "\u2067": "\u2069",
  "\u2068": "\u2069",
};

/**
 * `text` with its white space collapsed, cut to at most `max` characters (code points, so no
 * emoji or other astral character is split) and ending in "…" when it was cut. A cut inside
 * right-to-left text closes what it left open, so the text after it keeps its direction.
 */
export function shorten(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  // No text has more characters than UTF-16 units, so short text needs no counting.
  if (collapsed.length <= max) return collapsed;
  const characters = Array.from(collapsed);
  if (characters.length <= max) return collapsed;
  const kept: string[] = [];
  const open: string[] = [];
  for (const character of characters) {
    if (kept.length + open.length >= max - 1) break;
    kept.push(character);
    if (bidiClosers[character]) open.push(bidiClosers[character]);
    else if (character === open.at(-1)) open.pop();
  }
  return `${kept.join("").trimEnd()}${open.reverse().join("")}…`;
}
