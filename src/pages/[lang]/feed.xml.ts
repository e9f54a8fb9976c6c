/** /<lang>/feed.xml: the Atom feed of changes in one language. */
import type { APIRoute } from "astro";
import { languages, type Lang } from "../../i18n/index.ts";
import { getRegistryModel } from "../../lib/site/astro-registry.ts";
import { atomFeed, feedItems } from "../../lib/outputs/feed.ts";
import { firstAddedDates } from "../../lib/model/record-history.ts";
import { siteHome } from "../../config.ts";

export function getStaticPaths() {
  return languages.map((lang) => ({ params: { lang } }));
}

const addedDates = firstAddedDates();

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const items = feedItems(await getRegistryModel(), lang, siteHome.siteUrl, addedDates);
  return new Response(atomFeed(items, lang, siteHome.siteUrl), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
};
