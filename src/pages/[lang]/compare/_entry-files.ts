/**
 * The static paths of the compare view's entry files (entries/[id].json.ts and
 * entries/product/[id].json.ts), where `compareEntryPath` looks for them.
 */
import { languages } from "../../../i18n/index.ts";
import { getRegistryModel } from "../../../lib/site/astro-registry.ts";
import { compareEntries } from "../../../lib/site/compare-data.ts";

/** Each language's entries in one of the two folders: products addressed as `product:<id>`, or all others. */
export async function entryFilePaths(productFolder: boolean) {
  const model = await getRegistryModel();
  return languages.flatMap((lang) =>
    compareEntries(model, lang)
      .filter((entry) => entry.id.startsWith("product:") === productFolder)
      .map((entry) => ({ params: { lang, id: entry.id.replace(/^product:/, "") }, props: { entry } })),
  );
}
