/** The Atom feed of changes: new entries, dated status steps and reviews, newest first. */
import { localize, t, type Lang } from "../../i18n/index.ts";
import type { RegistryModel } from "../model/registry-model.ts";
import { deploymentUrl, feedUrl, homeUrl, publicUrl, recordFilePath } from "../site/urls.ts";

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

/** Everything that changed, as feed items, newest first. */
export function feedItems(
  model: RegistryModel,
  lang: Lang,
  siteUrl: string | undefined,
  addedDates: Map<string, string>,
): FeedItem[] {
  const dict = t(lang);
  const items: FeedItem[] = [];
  for (const deployment of model.deployments) {
    const path = deploymentUrl(lang, deployment.id);
    const link = publicUrl(path, siteUrl);
    const name = deployment.displayName[lang];
    const added = addedDates.get(recordFilePath("deployments", deployment.id));
    if (added) {
      items.push({
        id: atomId(`${path}#added`, siteUrl),
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
        id: atomId(`${path}#status-${i}`, siteUrl),
        title: `${name}: ${dict.label.lifecycleStatus[step.status]}`,
        updated: atomDate(when),
        link: `${link}#status`,
        summary: step.note ? localize(step.note, lang).text : dict.label.lifecycleStatus[step.status],
      });
    });
    items.push({
      id: atomId(`${path}#reviewed-${deployment.reviewed}`, siteUrl),
      title: `${dict.feed.reviewed}: ${name}`,
      updated: atomDate(deployment.reviewed),
      link,
      summary: localize(deployment.summary, lang).text,
    });
  }
  return items.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The feed document. */
export function atomFeed(items: FeedItem[], lang: Lang, siteUrl: string | undefined): string {
  const dict = t(lang);
  const self = publicUrl(feedUrl(lang), siteUrl);
  const updated = items[0]?.updated ?? atomDate("2019");
  const entries = items.map(
    (item) => `  <entry>
    <id>${escape(item.id)}</id>
    <title>${escape(item.title)}</title>
    <updated>${item.updated}</updated>
    <link href="${escape(item.link)}"/>
    <summary>${escape(item.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${escape(atomId(feedUrl(lang), siteUrl))}</id>
  <title>${escape(dict.feedTitle)}</title>
  <updated>${updated}</updated>
  <link rel="self" href="${escape(self)}"/>
  <link href="${escape(publicUrl(homeUrl(lang), siteUrl))}"/>
  <author><name>${escape(dict.siteName)}</name></author>
${entries.join("\n")}
</feed>
`;
}
