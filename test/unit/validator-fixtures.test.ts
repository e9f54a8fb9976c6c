// Every invalid fixture marks, on the line concerned, the problem the validator must report there:
//   some: yaml  # <- error: field: message
// The test checks that each marked problem is reported on its line and that nothing unmarked is.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, validateRegistry } from "../../src/lib/validation/validate-registry.ts";

const root = join(import.meta.dirname, "..", "fixtures", "invalid");
const { problems } = validateRegistry(root);

type Marker = { line: number; severity: "error" | "warning"; text: string };

function markersOf(path: string): Marker[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((content, index) => {
      const match = /# <- (error|warning): (.*)$/.exec(content);
      return match ? [{ line: index + 1, severity: match[1] as Marker["severity"], text: match[2]!.trim() }] : [];
    });
}

const files = ["deployments", "products", "positions"].flatMap((collection) =>
  readdirSync(join(root, collection)).map((name) => join(root, collection, name)),
);

describe("validator on invalid fixtures", () => {
  it("has fixtures to check", () => {
    expect(files.filter((file) => markersOf(file).length > 0).length).toBeGreaterThanOrEqual(20);
  });

  for (const path of files) {
    const file = relative(process.cwd(), path);
    const markers = markersOf(path);
    it(`${file}: reports exactly the marked problems`, () => {
      const reported = problems.filter((problem) => problem.file === file);
      for (const marker of markers) {
        const match = reported.find(
          (problem) =>
            problem.line === marker.line &&
            problem.severity === marker.severity &&
            `${problem.field ? `${problem.field}: ` : ""}${problem.message}`.startsWith(marker.text),
        );
        expect(
          match,
          `expected on line ${marker.line}: ${marker.text}\nreported:\n${reported.map(formatProblem).join("\n")}`,
        ).toBeDefined();
      }
      expect(reported.map(formatProblem)).toHaveLength(markers.length);
    });
  }
});
