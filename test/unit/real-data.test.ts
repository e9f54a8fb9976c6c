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
