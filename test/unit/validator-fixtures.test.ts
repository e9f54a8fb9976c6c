// Every invalid fixture marks, on the line concerned, the problem the validator must report there:
//   some: yaml  # <- error: field: message
// (several markers may share a line). The test checks that each marked problem is reported on its
// line and that nothing unmarked is. Each rule has a fixture named after its id (`<id>.yaml` or
// `<id>-<case>.yaml`) that produces it; files that git cannot carry (symbolic links, pipes, files
// over the size cap) are made in a temporary folder below.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maxRecordBytes } from "../../src/lib/validation/record-files.ts";
import { rules } from "../../src/lib/validation/rules/index.ts";
import { formatProblem, validateRegistry, type Problem } from "../../src/lib/validation/validate-registry.ts";

const root = join(import.meta.dirname, "..", "fixtures", "invalid");
const collections = ["deployments", "products", "positions"];

type Marker = { file: string; line: number; severity: Problem["severity"]; text: string };

/** The markers in a fixture, on lines counted as the validator counts them (LF, CRLF or CR). */
function markersOf(path: string, file: string): Marker[] {
  return readFileSync(path, "utf8")
    .split(/\r\n|\r|\n/)
    .flatMap((content, index) =>
      [...content.matchAll(/# <- (error|warning): (.*?)(?=\s+# <- |$)/g)].map((match) => ({
        file,
        line: index + 1,
        severity: match[1] as Marker["severity"],
        text: match[2]!.trim(),
      })),
    );
}

const shown = (problem: Problem) => `${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
const reports = (problems: Problem[], marker: Marker) =>
  problems.some(
    (problem) =>
      problem.file === marker.file &&
      problem.line === marker.line &&
      problem.severity === marker.severity &&
      shown(problem).startsWith(marker.text),
  );

/** True when a fixture's file name says it is a fixture of `rule`. */
const isFixtureOf = (file: string, rule: string) => {
  const name = basename(file);
  return name === rule || name.startsWith(`${rule}-`) || name.startsWith(`${rule}.`);
};

const committed = collections.flatMap((collection) =>
  readdirSync(join(root, collection)).map((name) => join(root, collection, name)),
);
const committedMarkers = committed.flatMap((path) => markersOf(path, relative(process.cwd(), path)));
const { problems } = validateRegistry(root);

/** A valid deployment, for the files made below. */
const validRecord = readFileSync(join(root, "deployments", "valid-reference.yaml"), "utf8");

/**
 * Entries git cannot carry, each named after the rule it must trip, and the problems expected
 * there (file relative to the temporary folder, line, and the start of the message).
 */
function makeSpecialFiles(folder: string): Marker[] {
  const deployments = join(folder, "deployments");
  mkdirSync(deployments);
  mkdirSync(join(folder, "products"));
  mkdirSync(join(folder, "outside"));
  writeFileSync(join(folder, "outside", "record.yaml"), validRecord);
  writeFileSync(
    join(folder, "products", "chat-product.yaml"),
    readFileSync(join(root, "products", "chat-product.yaml")),
  );
  symlinkSync(join(folder, "outside", "record.yaml"), join(deployments, "file-type-link.yaml"));
  symlinkSync(join(folder, "nowhere.yaml"), join(deployments, "file-type-dangling.yaml"));
  symlinkSync("/dev/zero", join(deployments, "file-type-dev-zero.yaml"));
  symlinkSync(join(folder, "outside"), join(deployments, "file-type-folder-link.yaml"));
  mkdirSync(join(deployments, "file-type-directory.yaml"));
  const fifo = spawnSync("mkfifo", [join(deployments, "file-type-pipe.yaml")]);
  expect(fifo.status, "mkfifo makes a named pipe").toBe(0);
  symlinkSync(join(folder, "outside"), join(folder, "positions"));
  writeFileSync(join(deployments, "file-size.yaml"), validRecord + `# ${"x".repeat(maxRecordBytes)}\n`);
  writeFileSync(join(deployments, "id-unique.yaml"), validRecord);
  writeFileSync(join(deployments, "ID-Unique.yaml"), validRecord);
  writeFileSync(join(deployments, "utf8-utf16.yaml"), Buffer.from(`\ufeff${validRecord}`, "utf16le"));
  const error = (file: string, text: string, line = 1): Marker => ({ file, line, severity: "error", text });
  const link = "not a record: a symbolic link, which is never followed";
  return [
    error("deployments/file-type-link.yaml", link),
    error("deployments/file-type-dangling.yaml", link),
    error("deployments/file-type-dev-zero.yaml", link),
    error("deployments/file-type-folder-link.yaml", link),
    error("deployments/file-type-directory.yaml", "not a record: a directory"),
    error("deployments/file-type-pipe.yaml", "not a record: a device, pipe or socket"),
    error("positions", "not a collection folder: a symbolic link, which is never followed"),
    error(
      "deployments/file-size.yaml",
      `file has ${validRecord.length + maxRecordBytes + 3} bytes; a record may have at most`,
    ),
    error("deployments/ID-Unique.yaml", 'file name "ID-Unique" is not a valid id'),
    error("deployments/id-unique.yaml", 'id "id-unique" is already the id of deployments/ID-Unique.yaml'),
    error("deployments/utf8-utf16.yaml", "invalid UTF-8: the file is UTF-16"),
  ];
}

const special = mkdtempSync(join(tmpdir(), "validator-special-"));
const specialMarkers = makeSpecialFiles(special);
const specialRun = validateRegistry(special, special);
afterAll(() => rmSync(special, { recursive: true, force: true }));

describe("validator on invalid fixtures", () => {
  it("has fixtures to check", () => {
    expect(
      committed.filter((path) => committedMarkers.some((m) => m.file === relative(process.cwd(), path))).length,
    ).toBeGreaterThanOrEqual(50);
  });

  for (const path of committed) {
    const file = relative(process.cwd(), path);
    const markers = committedMarkers.filter((marker) => marker.file === file);
    it(`${file}: reports exactly the marked problems`, () => {
      const reported = problems.filter((problem) => problem.file === file);
      for (const marker of markers) {
        expect(
          reports(reported, marker),
          `expected on line ${marker.line}: ${marker.text}\nreported:\n${reported.map(formatProblem).join("\n")}`,
        ).toBe(true);
      }
      expect(reported.map(formatProblem)).toHaveLength(markers.length);
    });
  }
});

describe("validator on entries git cannot carry", () => {
  it("refuses each without reading it, and reports nothing else", () => {
    for (const marker of specialMarkers) {
      expect(
        reports(specialRun.problems, marker),
        `${marker.file}: ${marker.text}\n${specialRun.problems.map(formatProblem).join("\n")}`,
      ).toBe(true);
    }
    expect(specialRun.problems.map(formatProblem)).toHaveLength(specialMarkers.length);
  });

  it("never publishes the record a symbolic link points to", () => {
    // Only the two regular files are read; both are refused too, but they are the only records at all.
    expect(specialRun.registry.deployments.map((record) => record.id)).toEqual(["ID-Unique", "id-unique"]);
    expect(specialRun.registry.positions).toEqual([]);
  });
});

describe("validator rules", () => {
  const runs = [
    { problems, markers: committedMarkers },
    { problems: specialRun.problems, markers: specialMarkers },
  ];

  it("have unique ids, each the name of the rule's file", () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(join(import.meta.dirname, "..", "..", "src", "lib", "validation", "rules"));
    expect(files.filter((name) => name !== "index.ts").sort()).toEqual(ids.map((id) => `${id}.ts`).sort());
  });

  it("run independently: without one rule, the others report what they reported with it", () => {
    const rule = rules.find((candidate) => candidate.id === "schema")!;
    const without = validateRegistry(
      root,
      undefined,
      rules.filter((other) => other !== rule),
    ).problems;
    expect(without).toEqual(problems.filter((problem) => problem.rule !== rule.id));
  });

  for (const rule of rules) {
    it(`${rule.id}: a fixture named after it produces it, and fails without the rule`, () => {
      const own = runs.flatMap((run) =>
        run.problems.filter((problem) => problem.rule === rule.id && isFixtureOf(problem.file, rule.id)),
      );
      expect(own.length, `no fixture named ${rule.id}*.yaml produces ${rule.id}`).toBeGreaterThan(0);
      // Rules are independent (the test above), so the problems without this rule are the others'.
      const missed = runs.flatMap((run) => {
        const rest = run.problems.filter((problem) => problem.rule !== rule.id);
        return run.markers.filter((marker) => isFixtureOf(marker.file, rule.id) && !reports(rest, marker));
      });
      expect(missed.length, `every marker of ${rule.id}'s fixtures is still reported without it`).toBeGreaterThan(0);
    });
  }
});
