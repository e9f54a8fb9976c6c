// The annotated example records in CONTRIBUTING.md are real records: each must pass the validator,
// so the documentation cannot drift away from the schema.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, validateRecordText } from "../../src/lib/validation/validate-registry.ts";

const root = join(import.meta.dirname, "..", "..");
const guide = readFileSync(join(root, "CONTRIBUTING.md"), "utf8");
const examples = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe("CONTRIBUTING.md", () => {
  it("has the example deployment in German and in English", () => {
    expect(examples).toHaveLength(2);
  });

  it.each(examples.map((text, i) => [i === 0 ? "German" : "English", text] as const))(
    "the %s example is a valid deployment",
    (_, text) => {
      const id = /data\/deployments\/([a-z0-9-]+)\.yaml/.exec(text)?.[1];
      expect(id, "the example names its file, data/deployments/<id>.yaml").toBeDefined();
      const { record, problems } = validateRecordText("deployments", "CONTRIBUTING.md", id!, text);
      expect(problems.map(formatProblem)).toEqual([]);
      expect(record).toBeDefined();
      const product = (record!.data as { product: { value: string } }).product.value;
      expect(existsSync(join(root, "data", "products", `${product}.yaml`)), `data/products/${product}.yaml`).toBe(true);
    },
  );

  it("gives the same record in both languages, only the comments differ", () => {
    const [german, english] = examples.map(
      (text) => validateRecordText("deployments", "CONTRIBUTING.md", "example", text).yaml.data,
    );
    expect(english).toEqual(german);
  });
});
