/** How sources are numbered on a page: in the order the record lists them, from 1. */
import type { Deployment } from "../../schema/index.ts";

/** Each source id's number, e.g. `[3]`, as the source list and every reference to it show it. */
export function sourceNumbers(sources: readonly { id: string }[]): Map<string, number> {
  return new Map(sources.map((source, i) => [source.id, i + 1]));
}

/** What tells one source entry's document from another's. */
type Citable = Pick<Deployment["sources"][number], "id" | "url" | "publisher" | "title" | "date">;

/**
 * Whether two source entries name the same document: the same address, or, where neither has
 * one, the same publisher, title and date.
 */
function sameDocument(a: Citable, b: Citable): boolean {
  if (a.url || b.url) return a.url === b.url;
  return a.publisher === b.publisher && a.title === b.title && a.date === b.date;
}

/**
 * For each of `sources` that names the same document as one of `others` (a product's sources
 * beside a deployment's, on the deployment's page), the id of the first such other source.
 */
export function sameDocumentsIn(sources: readonly Citable[], others: readonly Citable[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const source of sources) {
    const other = others.find((candidate) => sameDocument(source, candidate));
    if (other) found.set(source.id, other.id);
  }
  return found;
}
