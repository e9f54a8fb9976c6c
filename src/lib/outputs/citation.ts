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
};

/** The date a citation gives: the review if there was one, else the last change; never a review it did not have. */
function citationDate(entry: CitationInput): { date: string; reviewed: boolean } | undefined {
  if (entry.reviewed) return { date: entry.reviewed, reviewed: true };
  return entry.lastChanged ? { date: entry.lastChanged, reviewed: false } : undefined;
}

/** The citation line a reader copies. */
export function citationText(entry: CitationInput): string {
  const dict = t(entry.lang);
  const dated = citationDate(entry);
  const template = !dated ? dict.cite.lineUndated : dated.reviewed ? dict.cite.line : dict.cite.lineUnreviewed;
  return template
    .replace("{site}", dict.siteName)
    .replace("{title}", entry.title)
    .replace("{reviewed}", dated?.date ?? "")
    .replace("{changed}", dated?.date ?? "")
    .replace("{version}", entry.dataVersion)
    .replace("{url}", entry.permalink);
}

const bibEscape = (text: string) => text.replace(/([{}\\&%$#_])/g, "\\$1");

/** A BibTeX @misc record. */
export function bibtex(entry: CitationInput): string {
  const dict = t(entry.lang);
  const dated = citationDate(entry);
  const [year, month] = dated ? dated.date.split("-") : [];
  const dateNote = dated ? `${dated.reviewed ? dict.cite.reviewed : dict.cite.changed} ${dated.date}, ` : "";
  return [
    `@misc{registry-${entry.id},`,
    `  title = {${bibEscape(entry.title)}},`,
    `  author = {{${bibEscape(dict.siteName)}}},`,
    `  howpublished = {\\url{${entry.permalink}}},`,
    ...(year ? [`  year = {${year}},`] : []),
    ...(month ? [`  month = {${Number(month)}},`] : []),
    `  note = {${bibEscape(`${dateNote}${dict.cite.version} ${entry.dataVersion}`)}},`,
    `  language = {${entry.lang === "de" ? "german" : "english"}}`,
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
    version: entry.dataVersion,
    language: entry.lang,
  };
}
