/**
 * The comparison table's order and its pages: rows by country, then authority, split into pages
 * of `tablePageSize` rows (src/config.ts), so no page grows with the registry. Without JavaScript
 * a reader turns the pages; the table's script loads the other pages' rows into the first.
 */
import { localize, type Lang } from "../../i18n/index.ts";
import type { DeploymentEntry } from "./astro-registry.ts";

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
