// The validator reads record files with js-yaml first (fast-yaml.ts) and trusts that reading
// only for a file in which no rule finds a problem. That is sound only if js-yaml never reads a
// file it accepts differently from the `yaml` package, which every problem, editor check and
// position comes from. These tests hold the fast reading to `yaml`'s on the real records, every
// fixture, and texts chosen where YAML parsers are known to differ.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readPlainYaml } from "../../src/lib/validation/fast-yaml.ts";
import { oncePerLine } from "../../src/lib/validation/check-record.ts";
import { recordText } from "../../src/lib/validation/record-bytes.ts";
import { rules } from "../../src/lib/validation/rules/index.ts";
import { validateRecordText, validateRegistry, type Problem } from "../../src/lib/validation/validate-registry.ts";
import { findNode, parseYamlWithPositions, positionOfPath } from "../../src/lib/validation/yaml-source.ts";
import { plainPositions } from "../../src/lib/validation/plain-positions.ts";
import { writeSyntheticRegistry } from "../../scripts/bench/synthetic-registry.ts";

const root = resolve(import.meta.dirname, "../..");

/** Every readable .yaml file below `dir`, with its text as the validator reads it. */
function yamlFilesBelow(dir: string): { path: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".yaml"))
    .flatMap((name) => {
      const text = recordText(readFileSync(join(dir, name)));
      return text === undefined ? [] : [{ path: join(dir, name), text }];
    });
}

/** What the fast reading and `yaml` make of `text`: the fast one's data, if it reads it, and yaml's. */
function bothReadings(text: string) {
  const full = parseYamlWithPositions(text);
  const clean = full.errors.length + full.duplicateKeys.length + full.anchors.length + full.aliases.length === 0;
  return { fast: readPlainYaml(text)?.reading.data, yaml: clean ? full.data : undefined };
}

const inOrder = (problems: Problem[]) =>
  [...problems].sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));

const tricky: Record<string, string> = {
  "numbers of the core schema":
    "a: 600\nb: -12\nc: +5\nd: 012\ne: 0o17\nf: 0x1F\ng: 1.5\nh: 1.\ni: .5\nj: 1e3\nk: -2.5E-2\n",
  "numbers YAML 1.1 reads differently": "a: 1_000\nb: 0b101\nc: 017\nd: 1:20\ne: 0x_1\nf: 1__0.5\ng: +.inf\nh: 0o8\n",
  "infinities and not-a-number": "a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: .NAN\ng: .Nan\n",
  "booleans and words YAML 1.1 took for booleans":
    "a: true\nb: False\nc: TRUE\nd: yes\ne: No\nf: on\ng: OFF\nh: y\ni: tRUE\n",
  "nulls and empty values": "a: null\nb: ~\nc:\nd: Null\ne: NULL\nf: nULL\ng: ''\nh: \"\"\n",
  "dates stay text": "a: 2019-12-24\nb: 2019-12\nc: 2019\nd: 2019-12-24T10:00:00Z\ne: '2019-12-24'\n",
  "keys that are not words": "1: a\nnull: b\n~: c\ntrue: d\n'': e\n\"x y\": f\n1.0: g\n",
  'keys 1 and "1" clash': "1: a\n'1': b\n",
  "a key given twice": "name: a\nname: b\n",
  "prototype keys": "__proto__: a\nconstructor: b\ntoString: c\n",
  "a nested prototype key": "a:\n  __proto__:\n    polluted: true\n",
  "anchors and aliases": "a: &x\n  b: 1\nc: *x\n",
  "a merge key": "base: &b\n  x: 1\nmore:\n  <<: *b\n  y: 2\n",
  "a merge key without anchors": "more:\n  <<: {x: 1}\n",
  tags: "a: !!str 12\nb: !!int '7'\nc: !custom x\nd: !!binary aGVsbG8=\n",
  "a timestamp tag": "a: !!timestamp 2019-12-24\n",
  "a complex key": "? [a, b]\n: c\n",
  "a flow-sequence key": "[a, b]: c\n",
  "a flow-map key": "{a: 1}: c\n",
  "flow collections": "a: [1, two, 'three', {x: y}]\nb: {c: d, e: [f]}\nc: []\nd: {}\n",
  "block scalars":
    "a: |\n  one\n  two\n\nb: >\n  folded\n  line\n\n  para\nc: |-\n  kept\nd: |+\n  keep\n\ne: >2-\n    indented\n",
  "quoted scalars over lines": "a: \"one\n  two\\tthree\\u00e9 \\x41\\\n  four\"\nb: 'it''s\n\n  here'\n",
  "double-quoted escapes": 'a: "\\0\\a\\b\\e\\N\\_\\L\\P\\/\\"\\\\"\n',
  "plain scalars over lines": "a: one\n  two\n\n  three\nb: x # a comment\nc: a#b\n",
  "a tab in indentation": "a:\n\tb: 1\n",
  "a tab after a value": "a: 1\t\nb: two\tthree\n",
  "a byte order mark": "\ufeffa: 1\n",
  "a YAML 1.1 directive": "%YAML 1.1\n---\na: 010\nb: yes\n",
  "two documents": "a: 1\n---\nb: 2\n",
  "a document end marker": "a: 1\n...\n",
  "line and paragraph separators": "a: one\u2028two\nb: x\u0085y\n",
  "control characters": 'a: "\\x07bell"\nb: x\u0007y\n',
  "a list at the top": "- a\n- b\n",
  "a scalar at the top": "just text\n",
  nothing: "",
  "an empty map": "{}\n",
  "deep nesting": "a:\n  b:\n    - c: 1\n      d: [x, {e: 2}]\n",
  "odd but valid indentation of lists": "a:\n- 1\n- 2\nb:\n    - x\n",
  "a colon without a space": "a:b\nc: http://x.y/z?q=1&r=*\n",
  "text with anchor-like characters": "note: Bund & Länder, 5 * 3, AT&T, *stress*\n",
  "very long lines": `a: ${"x".repeat(20000)}\n`,
  "unicode escapes outside the BMP": 'a: "\\U0001F600"\nb: 😀\n',
  "a lone surrogate escape": 'a: "\\ud800"\n',
};

describe("the fast reading of record files", () => {
  const corpus = [
    ...yamlFilesBelow(join(root, "data")),
    ...yamlFilesBelow(join(root, "test/fixtures")),
    ...Object.entries(tricky).map(([name, text]) => ({ path: name, text })),
  ];

  it.each(corpus.map((entry) => [entry.path, entry.text]))(
    "reads %s as yaml does, or leaves it to yaml",
    (_path, text) => {
      const { fast, yaml } = bothReadings(text);
      if (fast !== undefined) expect(fast).toStrictEqual(yaml);
    },
  );

  it("leaves to yaml every text in which the parsers are known to differ", () => {
    for (const name of [
      "a merge key without anchors",
      "keys that are not words",
      "prototype keys",
      "a tab in indentation",
      "a YAML 1.1 directive",
      "a flow-sequence key",
    ]) {
      expect(readPlainYaml(tricky[name]!), name).toBeUndefined();
    }
  });

  it("reads the real records itself, so validating stays fast", () => {
    const files = yamlFilesBelow(join(root, "data"));
    const readFast = files.filter((file) => readPlainYaml(file.text) !== undefined);
    expect(readFast.length / files.length).toBeGreaterThan(0.9);
  });

  it("reads the core schema's numbers, booleans and nulls as yaml does", () => {
    expect(readPlainYaml(tricky["numbers of the core schema"]!)?.reading.data).toStrictEqual({
      a: 600,
      b: -12,
      c: 5,
      d: 12,
      e: 15,
      f: 31,
      g: 1.5,
      h: 1,
      i: 0.5,
      j: 1000,
      k: -0.025,
    });
    expect(readPlainYaml(tricky["numbers YAML 1.1 reads differently"]!)?.reading.data).toMatchObject({
      a: "1_000",
      b: "0b101",
      d: "1:20",
    });
  });

  it("reports the same problems at the same places as the check of single files, which never reads fast", () => {
    const withinOneFile = new Set(
      rules.filter((rule) => rule.scope === "document" || rule.scope === "record").map((rule) => rule.id),
    );
    let compared = 0;
    for (const folder of ["invalid", "valid", "hostile"]) {
      const dir = join(root, "test/fixtures", folder);
      const problems = validateRegistry(dir, root).problems.filter((problem) => withinOneFile.has(problem.rule));
      for (const collection of ["deployments", "products", "positions"] as const) {
        for (const { path, text } of yamlFilesBelow(join(dir, collection))) {
          const file = relative(root, path);
          const alone = validateRecordText(collection, file, basename(path, ".yaml"), text).problems;
          expect(inOrder(problems.filter((problem) => problem.file === file))).toStrictEqual(
            oncePerLine(inOrder(alone)),
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

/** Every path into `value`: the top, each key of a map and each item of a list, however deep. */
function pathsInto(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const inner = Array.isArray(value)
    ? value.flatMap((item, index) => pathsInto(item, [...prefix, index]))
    : value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([key, item]) => pathsInto(item, [...prefix, key]))
      : [];
  return [prefix, ...inner];
}

// Shapes of block YAML the line scan must read as yaml does, or leave alone.
const shapes: Record<string, string> = {
  "maps in a list, keys on the dash's line": "a:\n  - b: 1\n    c: two\n  - b: 3\n",
  "a list at its key's indentation": "a:\n- x\n- y: 1\n  z: 2\nb: 3\n",
  "comments and blank lines everywhere":
    "# top\n\na: # note\n  # inside\n  b: 1\n\n  c:\n\n    - 2 # two\n# end\nd: 4\n",
  "a value on the line below its key": "a:\n  text on its own line\nb:\n  - x\n",
  "a dash with its value below": "a:\n  -\n    b: 1\n  -\n    - 2\n",
  "lists in lists": "a:\n  - - 1\n    - 2\n  - - 3\n",
  "empty values": "a:\nb: ~\nc:\n  d:\n  e: 1\n",
  "quoted text over lines that looks like keys": 'a: "one\nb: two"\nc: 3\nd:\n  - "x\n  - y"\n',
  "block scalars with key-like lines": "a: |\n  b: 1\n  - c\nd: >-\n  e: 2\nf: 3\n",
  "flow collections on the way": "a: [1, {b: 2}]\nc: {d: [3]}\n",
  "deeper indentation than usual": "a:\n      b:\n         - 1\n         -   c: 2\n             d: 3\n",
  "a top map that starts indented": "  a: 1\n  b:\n    c: 2\n",
};

describe("placing a value from the lines of a file the fast reading took", () => {
  const synthetic = mkdtempSync(join(tmpdir(), "registry-positions-"));
  writeSyntheticRegistry({ sourceDir: join(root, "data"), outDir: synthetic, deployments: 150 });
  const real = yamlFilesBelow(join(root, "data"));
  const corpus = [
    ...real,
    ...yamlFilesBelow(join(root, "test/fixtures")),
    ...yamlFilesBelow(synthetic),
    ...Object.entries({ ...tricky, ...shapes }).map(([name, text]) => ({ path: name, text })),
  ];
  rmSync(synthetic, { recursive: true, force: true });

  /**
   * Checks every position the line scan gives against yaml's; counts the paths it was asked for,
   * those it placed, and those it left although no bracketed (flow) collection is on their way.
   */
  function placeAll(files: { path: string; text: string }[]) {
    let placed = 0;
    let asked = 0;
    const leftInBlocks: string[] = [];
    for (const { path, text } of files) {
      const fast = readPlainYaml(text);
      if (!fast) continue;
      const full = parseYamlWithPositions(text);
      const locate = plainPositions(text, fast.reading.data);
      for (const valuePath of pathsInto(fast.reading.data)) {
        asked += 1;
        const position = locate(valuePath);
        if (position !== undefined) {
          placed += 1;
          expect(position, `${path} at ${valuePath.join(".")}`).toStrictEqual(positionOfPath(full, valuePath));
          continue;
        }
        const inBrackets = valuePath.some((_, depth) => {
          const node = findNode(full.document, valuePath.slice(0, depth)).node;
          return node !== undefined && "flow" in node && node.flow === true;
        });
        if (!inBrackets) leftInBlocks.push(`${path} at ${valuePath.join(".")}`);
      }
    }
    return { placed, asked, leftInBlocks };
  }

  it("places every value it places where yaml does, in every record, fixture and shape", () => {
    const { placed, asked } = placeAll(corpus);
    expect(asked).toBeGreaterThan(10_000);
    expect(placed).toBeGreaterThan(asked * 0.9);
  });

  it("places every value of the real records that is not in brackets, so a warning seldom needs a second parse", () => {
    const { placed, asked, leftInBlocks } = placeAll(real);
    expect(leftInBlocks).toEqual([]);
    expect(placed / asked).toBeGreaterThan(0.9);
  });

  it("leaves to yaml what it cannot tell: values in brackets, text over lines that looks like keys", () => {
    const locate = (name: string, path: PropertyKey[]) =>
      plainPositions(shapes[name]!, readPlainYaml(shapes[name]!)!.reading.data)(path);
    expect(locate("flow collections on the way", ["a", 1, "b"])).toBeUndefined();
    expect(locate("quoted text over lines that looks like keys", ["c"])).toBeUndefined();
    expect(locate("quoted text over lines that looks like keys", ["d", 0])).toBeUndefined();
    expect(locate("maps in a list, keys on the dash's line", ["a", 1, "b"])).toStrictEqual({ line: 4, column: 8 });
  });
});
