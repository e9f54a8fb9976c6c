/**
 * What a built site weighs on its host: every file's bytes, split into the parts that grow with
 * the registry (HTML pages, social cards, search index, exports, the rest). The publish workflow
 * checks the total against the host's limit (scripts/site-size.ts); the benchmark reports the parts.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

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

/**
 * What the files of a built site are, finer than its parts, in the order they are told apart
 * (the first pattern a file's path below the site matches): where the bytes go as the registry
 * grows, for deciding what to leave out or host elsewhere when a site nears its host's limit.
 */
const kinds = [
  ["deployment pages", /^[a-z]{2}\/deployments\/.*\.html$/],
  ["product and position pages", /^[a-z]{2}\/(products|positions)\/.*\.html$/],
  ["other pages", /\.html$/],
  ["deployment cards", /^og\/[a-z]{2}\/deployments\//],
  ["other cards", /^og\//],
  ["search index", /^pagefind\//],
  ["API exports", /^api\//],
  ["compare view's entry files", /^[a-z]{2}\/compare\/.*\.json$/],
  ["record files for the editor", /^contribute\/editor\/records\//],
  ["badges", /^badges\//],
  ["the rest", /(?:)/],
] as const;

/** Bytes by what the files are (see `kinds`). */
export type SiteKinds = Record<(typeof kinds)[number][0], number>;

/** The total bytes of the built site in `siteDir`, its parts (pages, og/, pagefind/, api/, the rest) and its kinds. */
export function siteSize(
  siteDir: string,
  files = filesBelow(siteDir),
): { totalBytes: number; parts: SiteParts; kinds: SiteKinds } {
  const sized = files.map((file) => ({
    file,
    path: relative(siteDir, file).split(sep).join("/"),
    bytes: statSync(file).size,
  }));
  const sizeOf = (list: typeof sized) => list.reduce((sum, { bytes }) => sum + bytes, 0);
  const totalBytes = sizeOf(sized);
  const parts: SiteParts = {
    html: sizeOf(sized.filter(({ path }) => path.endsWith(".html"))),
    cards: sizeOf(sized.filter(({ path }) => path.startsWith("og/"))),
    "search index": sizeOf(sized.filter(({ path }) => path.startsWith("pagefind/"))),
    exports: sizeOf(sized.filter(({ path }) => path.startsWith("api/"))),
    other: 0,
  };
  parts.other = totalBytes - parts.html - parts.cards - parts["search index"] - parts.exports;
  const siteKinds = Object.fromEntries(kinds.map(([kind]) => [kind, 0])) as SiteKinds;
  for (const { path, bytes } of sized) siteKinds[kinds.find(([, pattern]) => pattern.test(path))![0]] += bytes;
  return { totalBytes, parts, kinds: siteKinds };
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
