// The validator for one file's text (what the browser editor runs) reports exactly what the
// registry walker (`npm run validate`) reports for that file: same lines, fields and messages.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CollectionName } from "../../src/schema/index.ts";
import { firstInvalidUtf8 } from "../../src/lib/validation/record-bytes.ts";
import { knownRecordOf, validateRecordFile, type KnownRecord } from "../../src/lib/validation/validate-file.ts";
import { formatProblem, validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { parseYamlWithPositions } from "../../src/lib/validation/yaml-source.ts";

const collections: CollectionName[] = ["deployments", "products", "positions"];
const fixtures = join(import.meta.dirname, "..", "fixtures");

/** Every text file of a registry folder, and what the other records tell the rules between records. */
function registryFiles(dataDir: string) {
  const files = collections.flatMap((collection) =>
    readdirSync(join(dataDir, collection))
      .sort()
      .map((name) => ({ collection, name, bytes: readFileSync(join(dataDir, collection, name)) })),
  );
  const known: KnownRecord[] = files.flatMap(({ collection, name, bytes }) => {
    if (!name.endsWith(".yaml")) return [];
    const data = parseYamlWithPositions(bytes.toString("utf8").replace(/\r\n?/g, "\n")).data;
    return data ? [knownRecordOf(collection, name.slice(0, -".yaml".length), data)] : [];
  });
  return { files, known };
}

describe.each([
  ["the invalid fixtures", join(fixtures, "invalid")],
  ["the hostile registry", join(fixtures, "hostile")],
  ["the real data", "data"],
])("validating one file's text, in %s", (_name, dataDir) => {
  const { files, known } = registryFiles(dataDir);
  const walked = validateRegistry(dataDir, join(dataDir, "..")).problems;
  const base = dataDir === "data" ? "data" : `${dataDir.split("/").at(-1)}`;
  // The editor only ever has text: files whose bytes are not UTF-8 cannot be typed into it.
  const textFiles = files.filter(({ bytes }) => firstInvalidUtf8(bytes) === undefined);

  it("covers the files", () => {
    expect(textFiles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(textFiles.map((file) => [`${file.collection}/${file.name}`, file] as const))(
    "%s gets the walker's report",
    (_label, { collection, name, bytes }) => {
      const expected = walked
        .filter((problem) => problem.file === `${base}/${collection}/${name}`)
        // The walker names files from its display root (`invalid/…` for a fixture folder); the editor's are in data/.
        .map((problem) => formatProblem(problem).replaceAll(`${base}/`, "data/"));
      const others = known.filter((record) => record.collection !== collection || `${record.id}.yaml` !== name);
      const problems = validateRecordFile({ collection, name, text: bytes.toString("utf8"), known: others });
      expect(problems.map(formatProblem)).toEqual(expected);
    },
  );
});

it("a new record whose id another record has is told so on line 1, in any spelling", () => {
  const text = readFileSync("data/deployments/fr-tchap.yaml", "utf8");
  const known = [knownRecordOf("deployments", "fr-tchap", {})];
  for (const name of ["fr-tchap.yaml", "FR-tchap.yaml"]) {
    const problems = validateRecordFile({ collection: "deployments", name, text, known });
    expect(problems.map(formatProblem)).toContain(
      `data/deployments/${name}:1:1  id "fr-tchap" is already the id of data/deployments/fr-tchap.yaml: ids must differ in more than letter case or file extension`,
    );
  }
});
