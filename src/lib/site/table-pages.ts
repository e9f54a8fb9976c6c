/**
 * The comparison table's order and its pages: rows by country, then authority, split into pages
 * of `tablePageSize` rows (src/config.ts), so no page grows with the registry. Without JavaScript
 * a reader turns the pages; the table's script loads the other pages' rows into the one it runs on.
 * The filters' options and counts cover every deployment, so they are made once per language.
 * The long lists of the reach and coverage pages are split into pages the same way.
 */
import { localize, type Lang } from "../../i18n/index.ts";
import type { DeploymentEntry } from "./astro-registry.ts";
import { filterColumns } from "./table-columns.ts";
import { tablePageSize } from "../../config.ts";

/** The table's order: by country (in the reader's language), then authority, then id. */
export function tableOrder(deployments: readonly DeploymentEntry[], lang: Lang): DeploymentEntry[] {
  const collator = new Intl.Collator(lang, { sensitivity: "base" });
  return [...deployments].sort(
    (a, b) =>
      collator.compare(a.jurisdictionName[lang], b.jurisdictionName[lang]) ||
      collator.compare(localize(a.title, lang).text, localize(b.title, lang).text) ||
      a.id.localeCompare(b.id),
  );
}

/** One page of the table: its number (from 1), its rows and the place of its first row (from 1). */
export type TablePage<Row> = { page: number; rows: Row[]; first: number };

/** Splits rows into pages of `size`; an empty table is one empty page, so the table's address always exists. */
export function tablePages<Row>(rows: readonly Row[], size: number): TablePage<Row>[] {
  const pages: TablePage<Row>[] = [];
  for (let start = 0; start < rows.length || pages.length === 0; start += size) {
    pages.push({ page: pages.length + 1, rows: rows.slice(start, start + size), first: start + 1 });
  }
  return pages;
}

/**
 * The static paths of a long list in pages of `tablePageSize` (a reach class, a kind of coverage
 * gap): `params` plus the page's number (none for page 1), and as props `extra`, the page, how
 * many pages there are and how long the list is.
 */
export function listPagePaths<Params extends Record<string, string>, Row, Extra extends object>(
  params: Params,
  rows: readonly Row[],
  extra: Extra,
) {
  const pages = tablePages(rows, tablePageSize);
  return pages.map((listPage) => ({
    params: { ...params, page: listPage.page === 1 ? undefined : String(listPage.page) },
    props: { ...extra, listPage, pageCount: pages.length, total: rows.length },
  }));
}

/** The props of one page of a long list (see `listPagePaths`). */
export type ListPageProps<Row> = { listPage: TablePage<Row>; pageCount: number; total: number };

/** The first `limit` of a list, and how many of it are left out (the rest is on the list's own pages). */
export function firstOf<T>(list: readonly T[], limit: number): { shown: T[]; more: number } {
  return { shown: list.slice(0, limit), more: Math.max(0, list.length - limit) };
}

/** Each filter's options with their counts over every deployment: the same on every page of a language. */
export function filterOptions(deployments: DeploymentEntry[], lang: Lang) {
  const collator = new Intl.Collator(lang);
  return filterColumns.map((column) => {
    const counts = new Map<string, number>();
    for (const deployment of deployments)
      for (const value of new Set(column.values(deployment))) counts.set(value, (counts.get(value) ?? 0) + 1);
    const options = [...counts]
      .map(([value, count]) => ({ value, count, label: column.valueLabel(value, lang, deployments) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return { column: column.key, title: column.title(lang), options };
  });
}
