/**
 * How sources are numbered on a page: in the order the record lists them, from 1. A deployment's
 * page numbers its own; its product's sources are listed on the product's page, and the
 * deployment's page refers to them there as P1, P2, … (see productSourceRefs).
 */
import type { Deployment } from "../../schema/index.ts";
import { sourceAnchor } from "./urls.ts";

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

/** Where a reference to a source points: an item of the page's own list, or of another page's (`page`). */
export type SourceRef = { anchor: string; text: string; page?: string };

/** The reference to source `id`: from `elsewhere` if listed there, else to the page's own numbered list. */
export function sourceRef(id: string, numbers: Map<string, number>, elsewhere?: Map<string, SourceRef>): SourceRef {
  return elsewhere?.get(id) ?? { anchor: sourceAnchor(id), text: String(numbers.get(id) ?? "?") };
}

/**
 * References from a deployment's page to its product's sources, which only the product's page
 * (`productPage`) lists in full: `[P2]`, linked to the second source there. A product source that
 * names a document the deployment cites too is that document's own number on this page instead.
 */
export function productSourceRefs(
  productSources: readonly Citable[],
  ownSources: readonly Citable[],
  productPage: string,
): Map<string, SourceRef> {
  const ownNumbers = sourceNumbers(ownSources);
  const alsoOwn = sameDocumentsIn(productSources, ownSources);
  return new Map(
    productSources.map((source, i): [string, SourceRef] => {
      const own = alsoOwn.get(source.id);
      return [
        source.id,
        own
          ? { anchor: sourceAnchor(own), text: String(ownNumbers.get(own)) }
          : { anchor: sourceAnchor(source.id), text: `P${i + 1}`, page: productPage },
      ];
    }),
  );
}
