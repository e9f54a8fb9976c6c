/**
 * The files of a build, read from the folder it was built into: every page and what the search
 * index holds. Tests that go through the whole site start here, so they cover what the build
 * wrote, not a list someone keeps by hand.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** Every HTML file of the build as the address a reader opens: `/de/table/`, `/404.html`. */
export function builtPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"))
    .map((file) => `/${file.split("\\").join("/")}`.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

/** The file an address of the site is served from, or undefined if the build has none. */
export function builtFile(dir: string, pathname: string): string | undefined {
  const file = join(dir, decodeURIComponent(pathname));
  if (!existsSync(file)) return undefined;
  if (!statSync(file).isDirectory()) return file;
  const index = join(file, "index.html");
  return existsSync(index) ? index : undefined;
}

/** A built file as text (a page, an export, a feed), by its address. */
export function builtText(dir: string, pathname: string): string {
  const file = builtFile(dir, pathname);
  if (!file) throw new Error(`the build has no file for ${pathname}`);
  return readFileSync(file, "utf8");
}

/** One page as Pagefind indexed it. */
export type IndexedPage = { url: string; content: string; meta: Record<string, string> };

/** Every page in the Pagefind index: its fragments are gzipped JSON behind a "pagefind_dcd" signature. */
export function searchIndex(dir: string): IndexedPage[] {
  // One index per language, each in its own folder below pagefind/.
  return readdirSync(join(dir, "pagefind")).flatMap((lang) => {
    const folder = join(dir, "pagefind", lang, "fragment");
    return readdirSync(folder).map((name) => {
      const text = gunzipSync(readFileSync(join(folder, name))).toString("utf8");
      return JSON.parse(text.replace(/^pagefind_dcd/, "")) as IndexedPage;
    });
  });
}
