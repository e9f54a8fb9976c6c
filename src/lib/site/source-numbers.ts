/** How sources are numbered on a page: in the order the record lists them, from 1. */

/** Each source id's number, e.g. `[3]`, as the source list and every reference to it show it. */
export function sourceNumbers(sources: readonly { id: string }[]): Map<string, number> {
  return new Map(sources.map((source, i) => [source.id, i + 1]));
}
