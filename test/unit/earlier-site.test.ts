// `npm run build` deletes the last build's site while it builds the new one, never the project.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setAsideEarlierSite } from "../../src/lib/build/build-steps.ts";
import { temporaryFolders } from "../temp-folders.ts";

const tempDir = temporaryFolders("earlier-site-");

const folderWith = (path: string, file: string) => {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, file), "x");
};

describe("the earlier site", () => {
  it("is out of the way at once and gone when the promise resolves, with what an interrupted build left", async () => {
    const parent = tempDir();
    const site = join(parent, "dist");
    folderWith(join(site, "de"), "index.html");
    folderWith(join(parent, "dist.earlier-1-2"), "left.html");
    folderWith(join(parent, "distant"), "keep.txt");
    const deleted = setAsideEarlierSite(site, "/elsewhere");
    expect(existsSync(site)).toBe(false);
    await deleted;
    expect(readdirSync(parent)).toEqual(["distant"]);
  });

  it("is left alone when the output folder holds the project", async () => {
    // Nested in a folder of its own, so a broken guard could only ever delete inside the test's folder.
    const outer = join(tempDir(), "outer");
    const project = join(outer, "project");
    folderWith(join(project, "src"), "page.astro");
    await setAsideEarlierSite(project, project);
    await setAsideEarlierSite(outer, project);
    expect(readdirSync(join(project, "src"))).toEqual(["page.astro"]);
  });

  it("resolves at once when there is none", async () => {
    const parent = tempDir();
    await setAsideEarlierSite(join(parent, "dist"), "/elsewhere");
    expect(readdirSync(parent)).toEqual([]);
  });
});
