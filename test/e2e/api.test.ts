// The per-entry API as a program uses it: one file per record, valid against the published schema,
// the same as the record's item in its collection file, all listed in the index; and the API page
// a person reads names every endpoint and every field those files actually carry.
import { readdirSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { languages, siteUrl } from "./site.ts";

const collections = { deployments: "deployment", products: "product", positions: "position" } as const;
const ids = (collection: string) =>
  readdirSync(`data/${collection}`)
    .map((name) => name.replace(/\.yaml$/, ""))
    .sort();
const getJson = async (path: string) => {
  const response = await fetch(siteUrl(path));
  expect(response.status, path).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};
const validator = async (schemaPath: string) => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(await getJson(schemaPath));
};

/** Every key path in a JSON value, lists written `[]`, e.g. `record.authorities[].name`. */
function keyPaths(value: unknown, prefix = ""): Set<string> {
  const paths = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) for (const path of keyPaths(item, prefix.replace(/\.$/, "[].") || "[].")) paths.add(path);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      // Localized text ({de, en}) is one field, as the API page lists it.
      if (key === "de" || key === "en") continue;
      paths.add(`${prefix}${key}`);
      for (const path of keyPaths(child, `${prefix}${key}.`)) paths.add(path);
    }
  }
  return paths;
}

describe("per-entry API", () => {
  for (const [collection, item] of Object.entries(collections)) {
    it(`has a file for every ${item}, valid against ${item}.schema.json and equal to its item in ${collection}.json`, async () => {
      const validate = await validator(`/api/v1/${item}.schema.json`);
      const whole = (await getJson(`/api/v1/${collection}.json`))[collection] as { id: string }[];
      for (const id of ids(collection)) {
        const file = await getJson(`/api/v1/${collection}/${id}.json`);
        expect(validate(file), `${id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        expect(file.id).toBe(id);
        expect(file).toEqual(whole.find((entry) => entry.id === id));
      }
    });
  }

  it("lists every record's file in index.json, which is valid against index.schema.json", async () => {
    const index = await getJson("/api/v1/index.json");
    const validate = await validator("/api/v1/index.schema.json");
    expect(validate(index), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const listed = index.collections as Record<string, { count: number; items: { id: string; url: string }[] }>;
    for (const collection of Object.keys(collections)) {
      expect(listed[collection]!.items.map((entry) => entry.id).sort()).toEqual(ids(collection));
      expect(listed[collection]!.count).toBe(ids(collection).length);
      for (const entry of listed[collection]!.items.slice(0, 3)) {
        expect((await fetch(siteUrl(entry.url))).status, entry.url).toBe(200);
      }
    }
  });
});

describe("the API page", () => {
  for (const lang of languages) {
    it(`(${lang}) links every endpoint and schema, states the licence, and describes every field the files carry`, async () => {
      const response = await fetch(siteUrl(`/${lang}/api/`));
      expect(response.status).toBe(200);
      const html = await response.text();
      const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
      for (const file of ["index", "deployments", "products", "positions"]) {
        expect(links).toContain(`/api/v1/${file}.json`);
        expect(links).toContain(`/api/v1/${file}.schema.json`);
      }
      for (const item of Object.values(collections)) expect(links).toContain(`/api/v1/${item}.schema.json`);
      expect(links).toContain("/api/v1/deployments.csv");
      expect(links).toContain("https://creativecommons.org/licenses/by/4.0/");
      for (const link of links.filter((href) => href.startsWith("/api/"))) {
        expect((await fetch(siteUrl(link))).status, link).toBe(200);
      }
      const documented = new Set([...html.matchAll(/<tr data-field="([^"]+)"/g)].map((match) => match[1]!));
      for (const [collection, item] of Object.entries(collections)) {
        const whole = (await getJson(`/api/v1/${collection}.json`))[collection] as unknown[];
        const carried = new Set(whole.flatMap((entry) => [...keyPaths(entry)]));
        for (const path of carried) expect(documented.has(path), `${item}: ${path} is not described`).toBe(true);
      }
    });
  }
});
