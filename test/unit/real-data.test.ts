// The registry's own records: all valid, all loaded, and the editor schemas up to date.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem, validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { jsonSchemaFileName, recordJsonSchemaText } from "../../src/lib/outputs/json-schema.ts";
import { collections, type CollectionName } from "../../src/schema/index.ts";

const { problems, registry } = validateRegistry("data");
const names = Object.keys(collections) as CollectionName[];

describe("data/", () => {
  it("has no errors", () => {
    expect(problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
  });

  it.each(names)("loads every file of %s as a record", (collection) => {
    const files = readdirSync(`data/${collection}`).filter((name) => name.endsWith(".yaml"));
    expect(registry[collection].map((record) => `${record.id}.yaml`).sort()).toEqual(files.sort());
  });

  it("names only its own sources wherever a record refers to one", () => {
    const unknownRefs: string[] = [];
    const walk = (value: unknown, known: Set<string>, file: string, path: string) => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, known, file, `${path}[${i}]`));
      else if (value !== null && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          if (key === "sources" && path !== "" && Array.isArray(inner)) {
            for (const ref of inner) if (!known.has(ref as string)) unknownRefs.push(`${file} ${path}: ${String(ref)}`);
          } else walk(inner, known, file, path === "" ? key : `${path}.${key}`);
        }
      }
    };
    for (const collection of names) {
      for (const record of registry[collection]) {
        walk(record.yaml.data, new Set(record.data.sources.map((source) => source.id)), record.file, "");
      }
    }
    expect(unknownRefs).toEqual([]);
  });

  it("says whose presumption each presumption is: the article's or the editors'", () => {
    const anonymous: string[] = [];
    const walk = (value: unknown, file: string, path: string) => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, file, `${path}[${i}]`));
      else if (value !== null && typeof value === "object") {
        const map = value as Record<string, unknown>;
        if (map.confidence === "presumed" && map.presumedBy !== "article" && map.presumedBy !== "editors") {
          anonymous.push(`${file} ${path}`);
        }
        for (const [key, inner] of Object.entries(map)) walk(inner, file, path === "" ? key : `${path}.${key}`);
      }
    };
    for (const collection of names) for (const record of registry[collection]) walk(record.yaml.data, record.file, "");
    expect(anonymous).toEqual([]);
  });

  it("cites the source article as an editorial source without inventing a date", () => {
    for (const collection of names) {
      for (const record of registry[collection]) {
        for (const source of record.data.sources.filter(
          (s) => s.url === "https://www.freie-messenger.de/en/messenger/verwaltung/",
        )) {
          expect(source.kind, record.file).toBe("editorial");
          expect(source.date, record.file).toBeUndefined();
        }
      }
    }
  });
});

describe("JSON Schemas for editors", () => {
  it.each(names)("public/schema for %s matches the zod schema (run npm run schema)", (collection) => {
    expect(readFileSync(`public/schema/${jsonSchemaFileName(collection)}`, "utf8")).toBe(
      recordJsonSchemaText(collection),
    );
  });
});
