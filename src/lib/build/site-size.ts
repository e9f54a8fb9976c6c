/**
 * What a built site weighs on its host: every file's bytes, split into the parts that grow with
 * the registry (HTML pages, social cards, search index, exports, the rest). The publish workflow
 * checks the total against the host's limit (scripts/site-size.ts); the benchmark reports the parts.
 */
import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";

/** The parts of a site, each a sum of file sizes in bytes. */
export type SiteParts = Record<"html" | "cards" | "search index" | "exports" | "other", number>;

/** Every file below `dir`, as a path starting with `dir`. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Whether `file` lies in the top-level folder `part` of `siteDir`. */
export const isBelow = (siteDir: string, part: string) => (file: string) => file.startsWith(join(siteDir, part) + sep);

/** The total bytes of the built site in `siteDir`, and its parts: pages, og/, pagefind/, api/, the rest. */
export function siteSize(siteDir: string, files = filesBelow(siteDir)): { totalBytes: number; parts: SiteParts } {
  const sizeOf = (list: string[]) => list.reduce((sum, file) => sum + statSync(file).size, 0);
  const totalBytes = sizeOf(files);
  const parts: SiteParts = {
    html: sizeOf(files.filter((file) => file.endsWith(".html"))),
    cards: sizeOf(files.filter(isBelow(siteDir, "og"))),
    "search index": sizeOf(files.filter(isBelow(siteDir, "pagefind"))),
    exports: sizeOf(files.filter(isBelow(siteDir, "api"))),
    other: 0,
  };
  parts.other = totalBytes - parts.html - parts.cards - parts["search index"] - parts.exports;
  return { totalBytes, parts };
}

/** A size in decimal megabytes (gigabytes from 1 GB on), as hosts state their limits. */
export const megabytes = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;

/**
 * The verdict on a site of `totalBytes` against a host's `limitBytes`: over it, the host may
 * refuse or take down the site; from `warnShare` of it on, there is time to act.
 */
export function sizeVerdict(
  totalBytes: number,
  limitBytes: number,
  warnShare = 0.8,
): { level: "ok" | "warning" | "error"; share: number } {
  const share = totalBytes / limitBytes;
  return { level: share > 1 ? "error" : share >= warnShare ? "warning" : "ok", share };
}
