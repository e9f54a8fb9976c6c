/** Addresses of the record editor and of the record files it opens. */
import type { Lang } from "../../i18n/index.ts";
import type { CollectionName } from "../../schema/index.ts";
import { basePath } from "../site/urls.ts";

/** The editor page; with a record, the page opens that record (`?record=deployments/<id>`). */
export function editorUrl(lang: Lang, record?: { collection: CollectionName; id: string }): string {
  const page = `${basePath}${lang}/contribute/editor/`;
  return record ? `${page}?record=${encodeURIComponent(record.collection)}/${encodeURIComponent(record.id)}` : page;
}

/** The folder of the records' YAML files as they are in data/, published for the editor to open. */
export const editorRecordsFolderUrl = `${basePath}contribute/editor/records/`;

/** One record's YAML file, exactly as it is in data/. */
export const editorRecordFileUrl = (collection: CollectionName, id: string) =>
  `${editorRecordsFolderUrl}${collection}/${id}.yaml`;
