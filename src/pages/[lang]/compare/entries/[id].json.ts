/**
 * <lang>/compare/entries/<id>.json: one deployment or product in words, for the compare view's
 * script (see compare-data.ts). A product whose id a deployment has is in product/<id>.json.
 */
import type { APIRoute } from "astro";
import type { CompareEntry } from "../../../../lib/site/compare-data.ts";
import { jsonResponse } from "../../../api/v1/_documents.ts";
import { entryFilePaths } from "../_entry-files.ts";

export const getStaticPaths = () => entryFilePaths(false);

export const GET: APIRoute<{ entry: CompareEntry }> = ({ props }) => jsonResponse(props.entry);
