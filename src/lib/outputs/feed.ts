/** The Atom feed of changes read from the repository's history: new entries and changed key facts, newest first. */
import { t, type Lang } from "../../i18n/index.ts";
import type { RegistryModel } from "../model/registry-model.ts";
import type { RecordChange, RegistryHistory } from "../model/record-history.ts";
import { feedUrl, homeUrl, publicUrl, recordUrl } from "../site/urls.ts";
import { changeLines, recordTitle } from "../site/change-text.ts";
import { commitUrl } from "../site/correction-links.ts";

/** One item of the feed. */
export type FeedItem = { id: string; title: string; updated: string; link: string; summary: string };

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as the first instant it can mean, for Atom. */
export function atomDate(date: string): string {
  if (date.includes("T")) return new Date(date).toISOString();
  const [year, month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}T00:00:00Z`;
}

/**
 * An Atom id for a path of the site: its public address, or in a preview build (no address) a
 * URN that says so, since Atom ids must be absolute.
 */
export function atomId(path: string, siteUrl: string | undefined): string {
  return siteUrl ? publicUrl(path, siteUrl) : `urn:x-registry-preview:${path}`;
}

/** How many changes the feed carries at most: the newest ones. */
export const feedItemLimit = 50;

/** Whether a change belongs in the feed: a new or removed record, or a changed key fact. */
export const isFeedworthy = (change: RecordChange) => change.kind !== "changed" || change.facts.length > 0;

/**
 * The registry's changes as feed items, newest first and at most `limit`: records added (or
 * removed) and key facts changed, each linking to the record's list of changes.
 */
export function feedItems(
  model: RegistryModel,
  history: RegistryHistory,
  lang: Lang,
  siteUrl: string | undefined,
  limit = feedItemLimit,
): FeedItem[] {
  return history.changes
    .filter(isFeedworthy)
    .filter((change) => change.kind === "removed" || recordTitle(model, change, lang) !== undefined)
    .slice(0, limit)
    .map((change) => {
      const name = recordTitle(model, change, lang) ?? change.id;
      const page =
        change.kind === "removed" ? homeUrl(lang) : `${recordUrl(change.collection, lang, change.id)}#changes`;
      const lines = changeLines(change, lang);
      const commit = commitUrl(change.commit);
      return {
        id: atomId(`${recordUrl(change.collection, lang, change.id)}#change-${change.commit}`, siteUrl),
        title: `${name} – ${lines[0]}`,
        updated: atomDate(change.date),
        link: publicUrl(page, siteUrl),
        summary: [...lines, ...(commit ? [commit] : [])].join("\n"),
      };
    });
}

/**
 * Characters an XML 1.0 document may not contain at all (C0 controls but tab, newline and
 * carriage return; lone surrogates; U+FFFE, U+FFFF), plus C1 controls, which XML discourages:
 * one of them in one record would make the whole feed unreadable for every subscriber.
 */
const notXmlText =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const xmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** `text` as XML character data or an attribute value: markup escaped, forbidden characters dropped. */
export function xmlText(text: string): string {
  return text.replace(notXmlText, "").replace(/[&<>"']/g, (character) => xmlEntities[character]!);
}

/** The feed document; `subtitle` says what it covers (e.g. that older history is missing). */
export function atomFeed(items: FeedItem[], lang: Lang, siteUrl: string | undefined, subtitle?: string): string {
  const dict = t(lang);
  const self = publicUrl(feedUrl(lang), siteUrl);
  const updated = items[0]?.updated ?? atomDate("2019");
  const entries = items.map(
    (item) => `  <entry>
    <id>${xmlText(item.id)}</id>
    <title>${xmlText(item.title)}</title>
    <updated>${xmlText(item.updated)}</updated>
    <link href="${xmlText(item.link)}"/>
    <summary>${xmlText(item.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${xmlText(atomId(feedUrl(lang), siteUrl))}</id>
  <title>${xmlText(dict.feedTitle)}</title>
  <subtitle>${xmlText(subtitle ?? dict.changes.feedSubtitle)}</subtitle>
  <updated>${updated}</updated>
  <link rel="self" href="${xmlText(self)}"/>
  <link href="${xmlText(publicUrl(homeUrl(lang), siteUrl))}"/>
  <author><name>${xmlText(dict.siteName)}</name></author>
${entries.join("\n")}
</feed>
`;
}
