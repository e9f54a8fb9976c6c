/** The description search engines and link previews show: short, whole words, marked when cut. */

/** At most `max` characters (160 by default), cut at a word boundary with an ellipsis when longer. */
export function metaDescription(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max); // the ellipsis replaces the space (or character) at the cut
  const space = room.lastIndexOf(" ");
  const words = space > max / 2 ? room.slice(0, space) : room.slice(0, max - 1);
  return `${words.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
