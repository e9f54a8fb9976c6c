// The editor's YAML writer: an opened record written back unchanged is the very file in data/;
// a change rewrites only what changed; a new record comes out in the house style and validates.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { CollectionName } from "../../src/schema/index.ts";
import { recordYaml } from "../../src/lib/editor/record-yaml.ts";
import { formatProblem, validateRecordText } from "../../src/lib/validation/validate-registry.ts";

const collections: CollectionName[] = ["deployments", "products", "positions"];
const recordsIn = (dataDir: string) =>
  collections.flatMap((collection) =>
    readdirSync(`${dataDir}/${collection}`).map((name) => {
      const text = readFileSync(`${dataDir}/${collection}/${name}`, "utf8");
      return { label: `${collection}/${name}`, collection, id: name.replace(/\.yaml$/, ""), text };
    }),
  );
const records = recordsIn("data");
const data = (text: string) => parse(text, { version: "1.2", schema: "core" }) as Record<string, unknown>;
const changedLines = (before: string, after: string) => {
  const a = before.split("\n");
  const b = after.split("\n");
  return b.filter((line, i) => line !== a[i]);
};

describe("writing an opened record", () => {
  it("covers every record in data/", () => {
    expect(records.length).toBe(
      collections.reduce((sum, collection) => sum + readdirSync(`data/${collection}`).length, 0),
    );
  });

  it.each(records.map((record) => [record.label, record] as const))(
    "%s unchanged gives the file byte for byte",
    (_label, { collection, text }) => {
      expect(recordYaml(collection, data(text), text)).toBe(text);
    },
  );

  it.each(recordsIn("test/fixtures/hostile").map((record) => [record.label, record] as const))(
    "the hostile %s, with escapes in quoted text, unchanged gives the file byte for byte",
    (_label, { collection, text }) => {
      expect(recordYaml(collection, data(text), text)).toBe(text);
    },
  );

  it("a changed date rewrites that line only, quoted", () => {
    const { text } = records.find((record) => record.label === "deployments/fr-police-raid-olvid.yaml")!;
    const out = recordYaml("deployments", { ...data(text), reviewed: "2026-11-30" }, text);
    expect(changedLines(text, out)).toEqual(['reviewed: "2026-11-30"']);
    expect(out.split("\n").length).toBe(text.split("\n").length);
  });

  it("a source added to a key fact changes its list on its one line", () => {
    const { text } = records.find((record) => record.label === "deployments/de-he-polizei-hepolchat.yaml")!;
    const record = data(text);
    const federation = record.federation as Record<string, unknown>;
    const out = recordYaml(
      "deployments",
      { ...record, federation: { ...federation, sources: ["freie-messenger", "gdp"] } },
      text,
    );
    expect(changedLines(text, out)).toEqual(["  sources: [freie-messenger, gdp]"]);
  });

  it("a new field goes after the field before it, and the schema line stays first when the first field goes", () => {
    const { text } = records.find((record) => record.label === "deployments/de-he-polizei-hepolchat.yaml")!;
    const { name: _name, ...rest } = data(text);
    const entries = Object.entries(rest);
    const withAliases = Object.fromEntries([entries[0]!, ["aliases", ["de-he-hepolchat"]], ...entries.slice(1)]);
    const lines = recordYaml("deployments", withAliases, text).split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "# yaml-language-server: $schema=../../public/schema/deployment.schema.json",
      "country: DE",
      "aliases: [de-he-hepolchat]",
    ]);
  });
});

describe("writing a new record", () => {
  it.each(records.map((record) => [record.label, record] as const))(
    "%s written afresh from its data holds the same record and passes the validator",
    (_label, { collection, id, text }) => {
      const fresh = recordYaml(collection, data(text));
      expect(data(fresh)).toEqual(data(text));
      const errors = validateRecordText(collection, `data/${collection}/${id}.yaml`, id, fresh).problems.filter(
        (problem) => problem.severity === "error",
      );
      expect(errors.map(formatProblem)).toEqual([]);
    },
  );

  it("is in the house style: schema line, plain lists on one line, dates in double quotes, no folding", () => {
    const summary = "A summary long enough that a writer folding at eighty columns would break it onto two lines.";
    const out = recordYaml("deployments", {
      name: "Example",
      sectors: ["police", "administration"],
      status: [{ status: "active", date: "2019", sources: ["a"] }],
      summary: { de: summary, en: summary },
      reviewed: "2026-11-30",
    });
    expect(out).toBe(
      [
        "# yaml-language-server: $schema=../../public/schema/deployment.schema.json",
        "name: Example",
        "sectors: [police, administration]",
        "status:",
        "  - status: active",
        '    date: "2019"',
        "    sources: [a]",
        "summary:",
        `  de: ${summary}`,
        `  en: ${summary}`,
        'reviewed: "2026-11-30"',
        "",
      ].join("\n"),
    );
  });
});
