/**
 * The compare view's choice of entries: read from and written to the address (`?ids=a,b,c`,
 * also `?ids=a&ids=b` as a plain form sends it), and remembered in the browser so that "add to
 * comparison" on another page adds to the entries already chosen; and where the view finds each
 * chosen entry's file. Loaded in the browser, so it imports nothing that pulls in zod.
 */
import { recordIdPattern } from "../../schema/id-pattern.ts";

/**
 * Where the compare view finds one entry's file, below `<lang>/compare/entries/`:
 * `<id>.json`, or `product/<id>.json` for `product:<id>`; undefined for anything that is no
 * record id (an address can hold any text).
 */
export function compareEntryPath(compareId: string): string | undefined {
  const id = compareId.replace(/^product:/, "");
  if (!recordIdPattern.test(id)) return undefined;
  return id === compareId ? `${id}.json` : `product/${id}.json`;
}

/** What the picker offers (`<lang>/compare/choices.json`): each entry as [compare id, label], by kind. */
export type CompareChoices = { deployments: [string, string][]; products: [string, string][] };

/** How many entries the compare view shows side by side at most. */
export const maxCompared = 4;

const storageKey = "registry-compare-ids";

/** The ids in a query string, in order, each once. */
export function readCompareIds(search: string): string[] {
  const values = new URLSearchParams(search).getAll("ids").flatMap((value) => value.split(","));
  return [...new Set(values.map((id) => id.trim()).filter(Boolean))];
}

/** The query string for a choice of ids, commas left readable. */
export function compareQuery(ids: string[]): string {
  return ids.length > 0 ? `?ids=${ids.map(encodeURIComponent).join(",")}` : "";
}

/** Remembers the current choice for "add to comparison" links (quietly, where storage is off). */
export function rememberCompareIds(ids: string[]): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(ids));
  } catch {
    // Private modes may refuse storage; the address still holds the choice.
  }
}

/** The remembered choice, or none. */
export function rememberedCompareIds(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? "[]") as unknown;
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/** The choice after adding `id` to the remembered one, at most `maxCompared`, the newest kept. */
export function withAdded(remembered: string[], id: string): string[] {
  return [...remembered.filter((other) => other !== id), id].slice(-maxCompared);
}

/**
 * Makes every "add to comparison" link (`a[data-compare-add]`, whose plain href compares just
 * that entry) add its entry to the remembered choice when followed.
 */
export function enhanceCompareLinks(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-compare-add]")) {
    link.addEventListener("click", () => {
      const target = new URL(link.href);
      target.search = compareQuery(withAdded(rememberedCompareIds(), link.dataset.compareAdd!));
      link.href = target.href;
    });
  }
}
