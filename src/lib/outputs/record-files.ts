/**
 * The files the site has one of for each record (and language) besides its pages: the API's item,
 * the embeddable badge, the compare view's entry and the editor's copy of the record file.
 *
 * A build writes them in a step of its own after Astro's (scripts/record-files.ts). As Astro
 * routes, the 67,000 of them at 10,000 deployments took a third of the astro step (33 of 103 s
 * on 2 cores), for the work Astro does per route; written straight to disk they take seconds.
 * `astro dev` serves them from the same list (src/integrations/record-files.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { languages } from "../../i18n/index.ts";
import { collections, type CollectionName } from "../../schema/index.ts";
import type { RegistryModel } from "../model/registry-model.ts";
import { compareEntries } from "../site/compare-data.ts";
import { compareEntryPath } from "../site/compare-selection.ts";
import { apiRecordUrl, badgeUrl, basePath, compareEntriesUrl } from "../site/urls.ts";
import { editorRecordFileUrl } from "../editor/editor-urls.ts";
import { federationBadge } from "./badge.ts";
import { deploymentItem, exportJson, positionItem, productItem, type ExportContext } from "./exports.ts";

/** One file: where it goes below the site's root, its media type, and its content, made when asked for. */
export type RecordFileOutput = { path: string; contentType: string; content: () => string | Uint8Array };

const jsonType = "application/json; charset=utf-8";
/** A site address the URL module made, as a path below the site's root (where the file goes in dist/). */
const sitePath = (url: string) => url.slice(basePath.length);

/** Every per-record file of the registry: `dataDir` is the folder the records were read from. */
export function recordFiles(model: RegistryModel, context: ExportContext, dataDir: string): RecordFileOutput[] {
  const apiItem = (collection: CollectionName, id: string, item: () => unknown): RecordFileOutput => ({
    path: sitePath(apiRecordUrl(collection, id)),
    contentType: jsonType,
    content: () => exportJson(item()),
  });
  const apiItems = [
    ...model.deployments.map((d) => apiItem("deployments", d.id, () => deploymentItem(d, context))),
    ...model.products.map((p) => apiItem("products", p.id, () => productItem(model, p, context))),
    ...model.positions.map((p) => apiItem("positions", p.id, () => positionItem(p, context))),
  ];
  const perLanguage = languages.flatMap((lang) => [
    ...model.deployments.map((d) => ({
      path: sitePath(badgeUrl(lang, d.id)),
      contentType: "image/svg+xml; charset=utf-8",
      content: () => federationBadge(d, lang).svg,
    })),
    ...compareEntries(model, lang).map((entry) => ({
      path: `${sitePath(compareEntriesUrl(lang))}${compareEntryPath(entry.id)}`,
      contentType: jsonType,
      content: () => exportJson(entry),
    })),
  ]);
  const editorCopies = (Object.keys(collections) as CollectionName[]).flatMap((collection) =>
    model[collection].map(({ id }) => ({
      path: sitePath(editorRecordFileUrl(collection, id)),
      contentType: "text/yaml; charset=utf-8",
      // The file exactly as it is in the data folder, so the editor starts from the contributor's own text.
      content: () => readFileSync(join(dataDir, collection, `${id}.yaml`)),
    })),
  );
  return [...apiItems, ...perLanguage, ...editorCopies];
}

/**
 * Writes `files` below `siteDir`. A path that would leave the folder is refused (paths are made
 * from validated ids, so that is a bug, not a record's doing).
 */
export function writeRecordFiles(siteDir: string, files: readonly RecordFileOutput[]): void {
  const root = resolve(siteDir);
  const made = new Set<string>();
  for (const file of files) {
    const target = resolve(root, file.path);
    if (relative(root, target).startsWith("..") || target === root) {
      throw new Error(`record file outside the site: ${JSON.stringify(file.path)}`);
    }
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(target, file.content());
  }
}
