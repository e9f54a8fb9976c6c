/**
 * URL builders: every internal link on the site is made here, so permalinks stay stable.
 * Paths are the same in both languages except for the language prefix, so the language
 * switch only swaps the prefix.
 */
import { languages, type Lang } from "../../i18n/index.ts";
import type { CollectionName } from "../../schema/index.ts";
import { siteHome } from "../../config.ts";

/**
 * Where the site lives below its domain, e.g. `/` or `/register/` for a GitHub project page.
 * Astro sets BASE_URL from `base` in astro.config.mjs; scripts outside Vite read BASE_PATH.
 */
export const basePath = `${(import.meta.env?.BASE_URL ?? siteHome.basePath).replace(/\/+$/, "")}/`;

/**
 * The address a reader outside the site follows, for a path this module built: absolute on the
 * configured site address; in a preview build (no address) the path itself, relative to the
 * site's root, so no made-up domain is ever published.
 */
export function publicUrl(path: string, siteUrl: string | undefined = siteHome.siteUrl): string {
  return siteUrl ? new URL(path, `${siteUrl}/`).href : path;
}

function path(...parts: string[]): string {
  return `${basePath}${parts.filter(Boolean).join("/")}/`;
}

/** A file served from public/ or generated into the site's root, e.g. `favicon.svg`. */
export const assetUrl = (file: string) => `${basePath}${file}`;

/** Home page of a language. */
export const homeUrl = (lang: Lang) => path(lang);
/** Deployments grouped by country and level. */
export const overviewUrl = (lang: Lang) => path(lang, "overview");
/** The comparison table of all deployments: its first page, or page `page` (counted from 1). */
export const tableUrl = (lang: Lang, page = 1) => (page > 1 ? path(lang, "table", String(page)) : path(lang, "table"));
/** One deployment's entry page: built from its id, so it never changes. */
export const deploymentUrl = (lang: Lang, id: string) => path(lang, "deployments", id);
/** All products compared. */
export const productsUrl = (lang: Lang) => path(lang, "products");
/** One product and the deployments that use it. */
export const productUrl = (lang: Lang, id: string) => path(lang, "products", id);
/** Protocols compared. */
export const protocolsUrl = (lang: Lang) => path(lang, "protocols");
/** All countries and organisations with deployments. */
export const countriesUrl = (lang: Lang) => path(lang, "countries");
/** One country's (or organisation's) deployments; `code` is lowercase, e.g. `de`, `nato`. */
export const countryUrl = (lang: Lang, code: string) => path(lang, "countries", code.toLowerCase());
/** Page `page` of every deployment of a country at one level (the country page shows the first few). */
export const countryLevelUrl = (lang: Lang, code: string, level: string, page = 1) =>
  path(lang, "countries", code.toLowerCase(), level, page > 1 ? String(page) : "");
/** Every position issued in one country, page `page` of them (`/de/countries/de/positions/`, `…/positions/2/`). */
export const countryPositionsUrl = (lang: Lang, code: string, page = 1) =>
  path(lang, "countries", code.toLowerCase(), "positions", page > 1 ? String(page) : "");
/** Recommendations and rulings, page `page` of them (`/de/positions/`, `/de/positions/page/2/`). */
export const positionsUrl = (lang: Lang, page = 1) =>
  page > 1 ? path(lang, "positions", "page", String(page)) : path(lang, "positions");
/** One position. */
export const positionUrl = (lang: Lang, id: string) => path(lang, "positions", id);
/** What the registry covers and where it knows little. */
export const coverageUrl = (lang: Lang) => path(lang, "coverage");
/** Every finding of one kind of gap (`open-questions`, `disputes`, …), in pages like the table's. */
export const coverageKindUrl = (lang: Lang, kind: string, page = 1) =>
  path(lang, "coverage", kind, page > 1 ? String(page) : "");
/** Who can reach whom: islands and connected networks. */
export const reachUrl = (lang: Lang) => path(lang, "reach");
/** Every deployment of one reach class (`island`, `group`, …), in pages like the table's: `/de/reach/island/`, `/de/reach/island/2/`. */
export const reachClassUrl = (lang: Lang, reachClass: string, page = 1) =>
  path(lang, "reach", reachClass, page > 1 ? String(page) : "");
/** Deployments or products side by side; `ids` fill the query string the page's script reads. */
export const compareUrl = (lang: Lang, ids: string[] = []) =>
  `${path(lang, "compare")}${ids.length > 0 ? `?ids=${ids.map(encodeURIComponent).join(",")}` : ""}`;
/** The folder of the compare view's entry files (`compareEntryPath` in compare-selection.ts names each). */
export const compareEntriesUrl = (lang: Lang) => `${path(lang, "compare")}entries/`;
/** The map of Europe and the charts drawn from the data. */
export const mapUrl = (lang: Lang) => path(lang, "map");
/** The comparison table showing only the rows that match `filters` (values of one filter joined by commas). */
export function filteredTableUrl(lang: Lang, filters: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) params.set(name, [value].flat().join(","));
  const query = params.toString();
  return `${tableUrl(lang)}${query ? `?${query}` : ""}`;
}
/** Full-text search. */
export const searchUrl = (lang: Lang) => path(lang, "search");
/** Narrative pages written in MDX. */
export const aboutUrl = (lang: Lang) => path(lang, "about");
export const methodologyUrl = (lang: Lang) => path(lang, "methodology");
export const contributeUrl = (lang: Lang) => path(lang, "contribute");

/** The page of a record of any collection. */
export function recordUrl(collection: CollectionName, lang: Lang, id: string): string {
  const byCollection = { deployments: deploymentUrl, products: productUrl, positions: positionUrl };
  return byCollection[collection](lang, id);
}

/** Where a record's file lives in the repository, e.g. `data/deployments/de-bund-wire.yaml`. */
export const recordFilePath = (collection: CollectionName, id: string) => `data/${collection}/${id}.yaml`;

/** The key of a record page's own social card below og/, e.g. `de/deployments/<id>`. */
export const recordCardKey = (collection: CollectionName, lang: Lang, id: string) => `${lang}/${collection}/${id}`;

/** The site pages that have a card of their own besides records and countries. */
export const cardPages = [
  "home",
  "table",
  "overview",
  "reach",
  "compare",
  "map",
  "products",
  "protocols",
  "positions",
  "countries",
  "coverage",
  "api",
] as const;

/** A site page with a card of its own (see `cardPages`). */
export type CardPage = (typeof cardPages)[number];

/** The key of a main page's card, e.g. `de/table`. */
export const pageCardKey = (lang: Lang, page: CardPage) => `${lang}/${page}`;

/** The key of a country's (or organisation's) card, e.g. `de/countries/fr`. */
export const countryCardKey = (lang: Lang, code: string) => `${lang}/countries/${code.toLowerCase()}`;

/**
 * The card a page shows when it names none: a record's or country's own card, a main page's
 * card, or the home card of its language. Record and country pages' addresses are their card keys.
 */
export function cardKeyOfPath(pathname: string, lang: Lang): string {
  const rest = pathname.slice(basePath.length).replace(/\/+$/, "");
  if (/^(de|en)\/(deployments|products|positions|countries)\/[a-z0-9-]+$/.test(rest)) return rest;
  // Further pages of a main page (the table's page 2, a reach class's list) share its card.
  const page = rest.slice(3).split("/")[0]!;
  return (cardPages as readonly string[]).includes(page)
    ? pageCardKey(lang, page as CardPage)
    : pageCardKey(lang, "home");
}

/** The social card image of a page; `key` is e.g. `de/home` or a `recordCardKey`. */
export const socialCardUrl = (key: string) => assetUrl(`og/${key}.png`);

/** A deployment's embeddable badge (its federation as an SVG), per language. */
export const badgeUrl = (lang: Lang, id: string) => assetUrl(`badges/${lang}/${id}.svg`);

/** The Atom feed of changes, per language. */
export const feedUrl = (lang: Lang) => assetUrl(`${lang}/feed.xml`);

/** The open-data exports and their JSON Schemas. */
export const apiUrl = (file: string) => assetUrl(`api/v1/${file}`);
/** One record's own file in the API, e.g. `api/v1/deployments/fr-tchap.json`. */
export const apiRecordUrl = (collection: CollectionName, id: string) => apiUrl(`${collection}/${id}.json`);
/** A JSON Schema of the API, e.g. `api/v1/deployments.schema.json` (a collection) or `deployment.schema.json` (one record). */
export const apiSchemaUrl = (name: string) => apiUrl(`${name}.schema.json`);
/** The page describing the API for people. */
export const apiDocsUrl = (lang: Lang) => path(lang, "api");

/**
 * The anchor of a key fact on a record page: its field, with anything but letters and digits as
 * a hyphen, e.g. `federation`, `licences-client`, `approvals-vs-nfd`.
 */
export const factAnchor = (field: string) =>
  field
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The anchor of a source in a record page's numbered list, e.g. `source-heise-2024-05`. */
export const sourceAnchor = (id: string) => `source-${id}`;

/** A page's address in the other language: the same path with the language prefix swapped. */
export function switchLanguageUrl(pathname: string, to: Lang): string {
  const prefix = basePath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return pathname.replace(new RegExp(`^${prefix}(${languages.join("|")})(?=/|$)`), `${basePath}${to}`);
}
