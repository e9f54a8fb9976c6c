/** Ready citations of one entry: a line to paste, BibTeX and CSL-JSON for reference managers. */
import { t, type Lang } from "../../i18n/index.ts";

/** What a citation needs to know about an entry. */
export type CitationInput = {
  id: string;
  title: string;
  permalink: string;
  /** When an editor last checked the record against its sources, if one has. */
  reviewed?: string;
  /** When the record last changed in the repository (YYYY-MM-DD), if known. */
  lastChanged?: string;
  dataVersion: string;
  lang: Lang;
  /** The day the entry was read, YYYY-MM-DD (the build's day; the page's script makes it the reader's). */
  accessed: string;
  /** A link to exactly this version of the record (its file at the commit of its last change), if known. */
  versionedUrl?: string;
};

/** The date a citation gives: the review if there was one, else the last change; never a review it did not have. */
function citationDate(entry: CitationInput): { date: string; reviewed: boolean } | undefined {
  if (entry.reviewed) return { date: entry.reviewed, reviewed: true };
  return entry.lastChanged ? { date: entry.lastChanged, reviewed: false } : undefined;
}

/** The citation line a reader copies; a permalink without a public address (a preview build) is marked as such. */
export function citationText(entry: CitationInput): string {
  const dict = t(entry.lang);
  const dated = citationDate(entry);
  const template = !dated ? dict.cite.lineUndated : dated.reviewed ? dict.cite.line : dict.cite.lineUnreviewed;
  const values: Record<string, string> = {
    site: dict.siteName,
    title: entry.title,
    reviewed: dated?.date ?? "",
    changed: dated?.date ?? "",
    version: entry.dataVersion,
    url: /^https?:/.test(entry.permalink) ? entry.permalink : `${entry.permalink} ${dict.press.preview.address}`,
    accessed: entry.accessed,
  };
  // One pass with a function: a title containing "$&" or "{url}" is inserted as it is, never
  // read as a replacement pattern or filled in by a later placeholder.
  const line = template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  return entry.versionedUrl ? `${line} ${dict.cite.versioned.replace("{url}", () => entry.versionedUrl!)}` : line;
}

/**
 * BibTeX's replacements for the characters it treats specially. BibTeX counts braces even after a
 * backslash, so a brace in the text becomes a command with an empty group (`\textbraceleft{}`)
 * and every field stays balanced whatever the text holds.
 */
const bibReplacements: Record<string, string> = {
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "\\": "\\textbackslash{}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
};

/** Free text as the value of a BibTeX field: special characters escaped, white space collapsed. */
export function bibText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[{}\\~^&%$#_]/g, (character) => bibReplacements[character]!);
}

/** An address inside `\url{}`: braces and backslashes, which would end or break the group, percent-encoded. */
const bibUrl = (url: string) => url.replace(/[{}\\\s]/g, (character) => encodeURIComponent(character));

/** A BibTeX @misc record. */
export function bibtex(entry: CitationInput): string {
  const dict = t(entry.lang);
  const dated = citationDate(entry);
  const [year, month] = dated ? dated.date.split("-") : [];
  const dateNote = dated ? `${dated.reviewed ? dict.cite.reviewed : dict.cite.changed} ${dated.date}, ` : "";
  return [
    `@misc{registry-${entry.id},`,
    `  title = {${bibText(entry.title)}},`,
    `  author = {{${bibText(dict.siteName)}}},`,
    `  howpublished = {\\url{${bibUrl(entry.permalink)}}},`,
    ...(year ? [`  year = {${year}},`] : []),
    ...(month ? [`  month = {${Number(month)}},`] : []),
    `  urldate = {${entry.accessed}},`,
    `  note = {${bibText(`${dateNote}${dict.cite.version} ${entry.dataVersion}`)}${entry.versionedUrl ? `, \\url{${bibUrl(entry.versionedUrl)}}` : ""}},`,
    `  language = {${t(entry.lang).bibtexLanguage}}`,
    `}`,
  ].join("\n");
}

/** A CSL-JSON item (the format Zotero and citeproc read). */
export function cslJson(entry: CitationInput): Record<string, unknown> {
  const dict = t(entry.lang);
  const dated = citationDate(entry);
  return {
    id: `registry-${entry.id}`,
    type: "webpage",
    title: entry.title,
    "container-title": dict.siteName,
    author: [{ literal: dict.siteName }],
    URL: entry.permalink,
    ...(dated ? { issued: { "date-parts": [dated.date.split("-").map(Number)] } } : {}),
    accessed: { "date-parts": [entry.accessed.split("-").map(Number)] },
    version: entry.dataVersion,
    ...(entry.versionedUrl ? { note: entry.versionedUrl } : {}),
    language: entry.lang,
  };
}
