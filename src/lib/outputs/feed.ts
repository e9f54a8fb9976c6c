/** The Atom feed of changes: new entries, dated status steps and reviews, newest first. */
import { localize, t, type Lang } from "../../i18n/index.ts";
import type { RegistryModel } from "../model/registry-model.ts";
import { deploymentUrl, feedUrl, homeUrl, recordFilePath } from "../site/urls.ts";

/** One item of the feed. */
export type FeedItem = { id: string; title: string; updated: string; link: string; summary: string };

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as the first instant it can mean, for Atom. */
export function atomDate(date: string): string {
  if (date.includes("T")) return new Date(date).toISOString();
  const [year, month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}T00:00:00Z`;
}

/** Everything that changed, as feed items, newest first. */
export function feedItems(model: RegistryModel, lang: Lang, site: URL, addedDates: Map<string, string>): FeedItem[] {
  const dict = t(lang);
  const items: FeedItem[] = [];
  for (const deployment of model.deployments) {
    const link = new URL(deploymentUrl(lang, deployment.id), site).href;
    const name = deployment.displayName[lang];
    const added = addedDates.get(recordFilePath("deployments", deployment.id));
    if (added) {
      items.push({
        id: `${link}#added`,
        title: `${dict.feed.added}: ${name}`,
        updated: atomDate(added),
        link,
        summary: localize(deployment.summary, lang).text,
      });
    }
    deployment.status.forEach((step, i) => {
      const when = step.date ?? step.asOf;
      if (!when) return;
      items.push({
        id: `${link}#status-${i}`,
        title: `${name}: ${dict.label.lifecycleStatus[step.status]}`,
        updated: atomDate(when),
        link: `${link}#status`,
        summary: step.note ? localize(step.note, lang).text : dict.label.lifecycleStatus[step.status],
      });
    });
    if (deployment.reviewed) {
      items.push({
        id: `${link}#reviewed-${deployment.reviewed}`,
        title: `${dict.feed.reviewed}: ${name}`,
        updated: atomDate(deployment.reviewed),
        link,
        summary: localize(deployment.summary, lang).text,
      });
    }
  }
  return items.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
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

/** The feed document. */
export function atomFeed(items: FeedItem[], lang: Lang, site: URL): string {
  const dict = t(lang);
  const self = new URL(feedUrl(lang), site).href;
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
  <id>${xmlText(self)}</id>
  <title>${xmlText(dict.feedTitle)}</title>
  <updated>${updated}</updated>
  <link rel="self" href="${xmlText(self)}"/>
  <link href="${xmlText(new URL(homeUrl(lang), site).href)}"/>
  <author><name>${xmlText(dict.siteName)}</name></author>
${entries.join("\n")}
</feed>
`;
}
