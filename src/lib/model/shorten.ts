/** Cutting free text to a length that an output (a social card, an issue link) can carry. */

/**
 * `text` with its white space collapsed, cut to at most `max` characters (code points, so no
 * emoji or other astral character is split) and ending in "…" when it was cut.
 */
export function shorten(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  const characters = Array.from(collapsed);
  if (characters.length <= max) return collapsed;
  return `${characters.slice(0, max - 1).join("").trimEnd()}…`;
}
