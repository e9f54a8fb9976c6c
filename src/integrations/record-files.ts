/**
 * `astro dev` serves the per-record files (API items, badges, compare entries, the editor's record
 * files) that a build writes in its own step after Astro's (scripts/record-files.ts), from the same
 * list (src/lib/outputs/record-files.ts), read afresh on each request so edits to data/ show.
 */
import type { AstroIntegration } from "astro";
import type { RecordFileOutput } from "../lib/outputs/record-files.ts";

/** The per-record file at a site address (`pathname`, below the base path), if there is one. */
export async function recordFileAt(pathname: string): Promise<RecordFileOutput | undefined> {
  // Loaded on the first request, so that reading the config for a build never loads the registry.
  const [{ registryDataDir, siteHome }, { registryFromFiles }, { recordFiles }, { basePath }] = await Promise.all([
    import("../config.ts"),
    import("../lib/model/registry-from-files.ts"),
    import("../lib/outputs/record-files.ts"),
    import("../lib/site/urls.ts"),
  ]);
  if (!pathname.startsWith(basePath)) return undefined;
  const wanted = pathname.slice(basePath.length);
  const context = { siteUrl: siteHome.siteUrl, generated: new Date() };
  return recordFiles(registryFromFiles(), context, registryDataDir).find((file) => file.path === wanted);
}

/** The integration: a dev-server middleware answering the addresses of the per-record files. */
export function recordFilesInDev(): AstroIntegration {
  return {
    name: "registry-record-files-in-dev",
    hooks: {
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((request, response, next) => {
          recordFileAt(new URL(request.url ?? "/", "http://dev").pathname)
            .then((file) => {
              if (!file) return next();
              response.setHeader("content-type", file.contentType);
              response.end(file.content());
            })
            .catch(next);
        });
      },
    },
  };
}
