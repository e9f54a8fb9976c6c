// A build validates its data once: the validate step leaves a snapshot that the later steps read,
// and a changed record (or a broken one) is validated afresh, never served from an old snapshot.
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checksFile, snapshotFile } from "../../src/lib/validation/snapshot.ts";
import { validateRegistry } from "../../src/lib/validation/validate-registry.ts";

const root = resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(join(tmpdir(), "registry-once-"));
cpSync(join(root, "test/fixtures/valid"), dataDir, { recursive: true });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a later build step's read of the data in a fresh process, as the content loader and card step do. */
function readInFreshProcess(): { ok: boolean; output: string } {
  const script = `import { validRecords } from "./src/lib/validation/snapshot.ts";
    const records = validRecords(${JSON.stringify(dataDir)});
    console.log(records.deployments.length + " deployments");`;
  try {
    const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--eval", script], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, output };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr) };
  }
}

/** When this data folder's snapshot was last written. */
function snapshotWritten(): number {
  return statSync(snapshotFile(dataDir)).mtimeMs;
}

function validate(): void {
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/validate.ts", dataDir], {
    cwd: root,
    stdio: "ignore",
  });
}

describe("validating once per build", { timeout: 120_000 }, () => {
  it("lets later steps read the validate step's snapshot without validating again", () => {
    validate();
    const before = snapshotWritten();
    const read = readInFreshProcess();
    expect(read.ok).toBe(true);
    expect(read.output).toMatch(/^\d+ deployments/);
    expect(snapshotWritten()).toBe(before);
  });

  it("validates afresh over a damaged snapshot and damaged checks, and writes them again", () => {
    validate();
    // Half a file, as a full disk or a killed process might leave it (or one from another Node version).
    writeFileSync(snapshotFile(dataDir), Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x05]));
    writeFileSync(checksFile(dataDir), "{not what was written");
    const before = snapshotWritten();
    const read = readInFreshProcess();
    expect(read).toEqual({ ok: true, output: expect.stringMatching(/^\d+ deployments/) });
    expect(snapshotWritten()).toBeGreaterThan(before);
    validate();
    expect(readInFreshProcess().ok).toBe(true);
  });

  it("validates afresh when a record changed after the snapshot, and refuses it if it is now broken", () => {
    validate();
    const file = join(dataDir, "deployments", readdirSync(join(dataDir, "deployments"))[0]!);
    appendFileSync(file, "notAField: 1\n");
    const read = readInFreshProcess();
    expect(read.ok).toBe(false);
    expect(read.output).toMatch(/deployments\/[a-z0-9-]+\.yaml:\d+:\d+ {2}notAField: unknown field/);
  });
});

describe("reusing the checks of files that did not change", () => {
  it("reports what a fresh run reports, in the same places, when another file's change breaks an unchanged one", () => {
    const dir = mkdtempSync(join(tmpdir(), "registry-reuse-"));
    try {
      cpSync(join(root, "test/fixtures/valid"), dir, { recursive: true });
      const first = validateRegistry(dir);
      expect(first.problems.filter((problem) => problem.severity === "error")).toEqual([]);
      // The product both deployments name goes, and one deployment gains a comment: the other stays as it was.
      rmSync(join(dir, "products", "chat-product.yaml"));
      appendFileSync(join(dir, "deployments", "example-successor.yaml"), "# edited\n");
      const again = validateRegistry(dir, undefined, undefined, first.checks);
      const fresh = validateRegistry(dir);
      expect(again.problems).toEqual(fresh.problems);
      const missing = fresh.problems.filter((problem) => problem.rule === "reference-exists");
      expect(missing.map((problem) => [problem.file, problem.line])).toEqual([
        [expect.stringMatching(/example-ministry\.yaml$/), 8],
        [expect.stringMatching(/example-successor\.yaml$/), 8],
      ]);
      // The unchanged deployment's check was reused, the edited one's was not.
      const reused = [...again.checks.values()].filter((check) => [...first.checks.values()].includes(check));
      expect(reused.map((check) => check.file)).toEqual([expect.stringMatching(/example-ministry\.yaml$/)]);
      expect(again.registry.deployments.map((record) => record.data)).toEqual(
        fresh.registry.deployments.map((record) => record.data),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
