/** Ready citations of one entry: a line to paste, BibTeX and CSL-JSON for reference managers. */
import { t, type Lang } from "../../i18n/index.ts";

/** What a citation needs to know about an entry. */
export type CitationInput = {
  id: string;
  title: string;
  permalink: string;
  reviewed: string;
  dataVersion: string;
  lang: Lang;
  /** The day the entry was read, YYYY-MM-DD (the build's day; the page's script makes it the reader's). */
  accessed: string;
  /** A link to exactly this version of the record (its file at the commit of its last change), if known. */
  versionedUrl?: string;
};

/** The citation line a reader copies; a permalink without a public address (a preview build) is marked as such. */
export function citationText(entry: CitationInput): string {
  const dict = t(entry.lang);
  const url = /^https?:/.test(entry.permalink) ? entry.permalink : `${entry.permalink} ${dict.press.preview.address}`;
  return dict.cite.line
    .replace("{site}", dict.siteName)
    .replace("{title}", entry.title)
    .replace("{reviewed}", entry.reviewed)
    .replace("{version}", entry.dataVersion)
    .replace("{url}", url)
    .replace("{accessed}", entry.accessed)
    .concat(entry.versionedUrl ? ` ${dict.cite.versioned.replace("{url}", entry.versionedUrl)}` : "");
}

const bibEscape = (text: string) => text.replace(/([{}\\&%$#_])/g, "\\$1");

/** A BibTeX @misc record. */
export function bibtex(entry: CitationInput): string {
  const dict = t(entry.lang);
  const [year, month] = entry.reviewed.split("-");
  return [
    `@misc{registry-${entry.id},`,
    `  title = {${bibEscape(entry.title)}},`,
    `  author = {{${bibEscape(dict.siteName)}}},`,
    `  howpublished = {\\url{${entry.permalink}}},`,
    `  year = {${year}},`,
    ...(month ? [`  month = {${Number(month)}},`] : []),
    `  urldate = {${entry.accessed}},`,
    `  note = {${bibEscape(`${dict.cite.reviewed} ${entry.reviewed}, ${dict.cite.version} ${entry.dataVersion}`)}${entry.versionedUrl ? `, \\url{${entry.versionedUrl}}` : ""}},`,
    `  language = {${entry.lang === "de" ? "german" : "english"}}`,
    `}`,
  ].join("\n");
}

/** A CSL-JSON item (the format Zotero and citeproc read). */
export function cslJson(entry: CitationInput): Record<string, unknown> {
  const dict = t(entry.lang);
  const parts = entry.reviewed.split("-").map(Number);
  return {
    id: `registry-${entry.id}`,
    type: "webpage",
    title: entry.title,
    "container-title": dict.siteName,
    author: [{ literal: dict.siteName }],
    URL: entry.permalink,
    issued: { "date-parts": [parts] },
    accessed: { "date-parts": [entry.accessed.split("-").map(Number)] },
    version: entry.dataVersion,
    ...(entry.versionedUrl ? { note: entry.versionedUrl } : {}),
    language: entry.lang,
  };
}
