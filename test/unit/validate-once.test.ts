// A build validates its data once: the validate step leaves a snapshot that the later steps read,
// and a changed record (or a broken one) is validated afresh, never served from an old snapshot.
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { snapshotFile } from "../../src/lib/validation/snapshot.ts";

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

/** When the snapshot of this test's data folder was last written (other tests write their own beside it). */
function snapshotWritten(): number {
  return statSync(snapshotFile(dataDir)).mtimeMs;
}

function validate(): void {
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/validate.ts", dataDir], {
    cwd: root,
    stdio: "ignore",
  });
}

describe("validating once per build", () => {
  it("lets later steps read the validate step's snapshot without validating again", () => {
    validate();
    const before = snapshotWritten();
    const read = readInFreshProcess();
    expect(read.ok).toBe(true);
    expect(read.output).toMatch(/^\d+ deployments/);
    expect(snapshotWritten()).toBe(before);
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
