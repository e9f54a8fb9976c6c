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
    .replace("{url}", url);
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
    `  note = {${bibEscape(`${dict.cite.reviewed} ${entry.reviewed}, ${dict.cite.version} ${entry.dataVersion}`)}},`,
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
    version: entry.dataVersion,
    language: entry.lang,
  };
}
