/**
 * The floor: a bare Astro project, generated into a temporary folder and built with this
 * project's installed Astro, that turns one small YAML file into one minimal page, for as many
 * pages as the registry's build wrote. Our build time is reported as a multiple of its time.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// Its own cache folder, not the one in the node_modules it shares with this project.
const astroConfig = `export default { cacheDir: "./.astro-cache", build: { format: "directory" } };\n`;

const contentConfig = `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: "*.yaml", base: "./pages" }),
    schema: z.object({ title: z.string(), summary: z.string() }),
  }),
};
`;

const page = `---
import { getCollection } from "astro:content";

export async function getStaticPaths() {
  const pages = await getCollection("pages");
  return pages.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><h1>{entry.data.title}</h1><p>{entry.data.summary}</p></body>
</html>
`;

/**
 * Writes the bare project for `pages` pages into `dir`, with node_modules linked to this
 * project's, and returns the command that builds it.
 */
export function writeFloorProject(dir: string, pages: number): { script: string; args: string[]; cwd: string } {
  mkdirSync(join(dir, "src", "pages"), { recursive: true });
  mkdirSync(join(dir, "pages"), { recursive: true });
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bare-astro-floor", private: true, type: "module" }));
  writeFileSync(join(dir, "astro.config.mjs"), astroConfig);
  writeFileSync(join(dir, "src", "content.config.ts"), contentConfig);
  writeFileSync(join(dir, "src", "pages", "[id].astro"), page);
  for (let i = 1; i <= pages; i += 1) {
    writeFileSync(
      join(dir, "pages", `page-${i}.yaml`),
      `title: Page ${i}\nsummary: A minimal page made from one YAML file, number ${i} of ${pages}.\n`,
    );
  }
  return {
    script: resolve("node_modules/astro/bin/astro.mjs"),
    args: ["build", "--root", dir, "--outDir", join(dir, "dist")],
    cwd: dir,
  };
}
