// The files each record has besides its pages, written by their own build step and served by `astro dev`.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { recordFiles, writeRecordFiles } from "../../src/lib/outputs/record-files.ts";
import { recordFileAt } from "../../src/integrations/record-files.ts";
import { temporaryFolders } from "../temp-folders.ts";

const model = registryFromFiles("data");
const files = recordFiles(model, { siteUrl: undefined, generated: new Date() }, "data");
const paths = new Set(files.map((file) => file.path));
const tempDir = temporaryFolders("record-files-");

describe("record files", () => {
  it("give every record its API item and editor copy, and every deployment its badge and compare entry in each language", () => {
    for (const collection of ["deployments", "products", "positions"] as const) {
      for (const { id } of model[collection]) {
        expect(paths, id).toContain(`api/v1/${collection}/${id}.json`);
        expect(paths, id).toContain(`contribute/editor/records/${collection}/${id}.yaml`);
      }
    }
    for (const { id } of model.deployments) {
      for (const lang of ["de", "en"]) {
        expect(paths, id).toContain(`badges/${lang}/${id}.svg`);
        expect(paths, id).toContain(`${lang}/compare/entries/${id}.json`);
      }
    }
    expect(paths.size).toBe(files.length);
  });

  it("copy each record file byte for byte and write JSON that parses", () => {
    const dir = tempDir();
    writeRecordFiles(dir, files);
    const copy = readFileSync(join(dir, "contribute/editor/records/deployments/fr-tchap.yaml"));
    expect(copy.equals(readFileSync("data/deployments/fr-tchap.yaml"))).toBe(true);
    const item = JSON.parse(readFileSync(join(dir, "api/v1/deployments/fr-tchap.json"), "utf8")) as { id: string };
    expect(item.id).toBe("fr-tchap");
    expect(readFileSync(join(dir, "badges/en/fr-tchap.svg"), "utf8")).toMatch(/^<svg[^>]*role="img"/);
  });

  it("refuse a path that leaves the site folder, writing nothing", () => {
    const parent = tempDir();
    const site = join(parent, "site");
    const escaping = { path: "../escaped.json", contentType: "application/json", content: () => "{}" };
    expect(() => writeRecordFiles(site, [escaping])).toThrow(/outside the site/);
    expect(existsSync(join(parent, "escaped.json"))).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("are what the dev server answers at their addresses, and nothing else is", async () => {
    const badge = await recordFileAt("/badges/de/fr-tchap.svg");
    expect(badge?.contentType).toBe("image/svg+xml; charset=utf-8");
    expect(badge?.content()).toBe(files.find((file) => file.path === "badges/de/fr-tchap.svg")!.content());
    expect(await recordFileAt("/api/v1/deployments/no-such-record.json")).toBeUndefined();
    expect(await recordFileAt("/de/deployments/fr-tchap/")).toBeUndefined();
  });
});
