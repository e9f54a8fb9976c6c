/** /<lang>/feed.xml: the Atom feed of changes in one language. */
import type { APIRoute } from "astro";
import { languages, type Lang } from "../../i18n/index.ts";
import { getRegistryHistory, getRegistryModel } from "../../lib/site/astro-registry.ts";
import { atomFeed, feedItems } from "../../lib/outputs/feed.ts";
import { historyNotice } from "../../lib/site/change-text.ts";
import { siteHome } from "../../config.ts";

export function getStaticPaths() {
  return languages.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const history = getRegistryHistory();
  const items = feedItems(await getRegistryModel(), history, lang, siteHome.siteUrl);
  return new Response(atomFeed(items, lang, siteHome.siteUrl, historyNotice(history, lang)), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
};
