/** <lang>/compare/entries/product/<id>.json: a product whose id a deployment has (compare id `product:<id>`). */
import type { APIRoute } from "astro";
import type { CompareEntry } from "../../../../../lib/site/compare-data.ts";
import { jsonResponse } from "../../../../api/v1/_documents.ts";
import { entryFilePaths } from "../../_entry-files.ts";

export const getStaticPaths = () => entryFilePaths(true);

export const GET: APIRoute<{ entry: CompareEntry }> = ({ props }) => jsonResponse(props.entry);
