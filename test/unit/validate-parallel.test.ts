// `npm run validate` splits a large data folder among worker threads. Whatever the split, it must
// report what validating in one thread reports, and leave a snapshot holding every valid record.
import { appendFileSync, cpSync, existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateInParallel } from "../../src/lib/validation/parallel.ts";
import { partFile, validRecords, validatedData } from "../../src/lib/validation/snapshot.ts";
import { validateRegistry, type LoadedRegistry } from "../../src/lib/validation/validate-registry.ts";
import { temporaryFolders } from "../temp-folders.ts";

const root = resolve(import.meta.dirname, "../..");
const tempDir = temporaryFolders("registry-parallel-");

/** A copy of a fixture folder, so the snapshots these tests write are of a folder no other test uses. */
function copyOf(fixture: string): string {
  const dir = tempDir();
  cpSync(join(root, "test/fixtures", fixture), dir, { recursive: true });
  return dir;
}

/** Every valid record as the later build steps use it. */
const plain = (registry: LoadedRegistry) =>
  Object.fromEntries(
    Object.entries(registry).map(([collection, records]) => [
      collection,
      records.map(({ id, file, data }) => ({ id, file, data })),
    ]),
  );

// One thread per record file: the fixtures are small, the split is what is tested.
const twoThreads = { threads: 2, entriesPerThread: 1 };

describe("validating on several threads", { timeout: 60_000 }, () => {
  it("reports every problem of an invalid folder as one thread does, registry rules included", async () => {
    const dir = copyOf("invalid");
    const inOneThread = validateRegistry(dir);
    const parallel = await validateInParallel(dir, twoThreads);
    // The split really happened: the snapshot has a second part.
    expect(existsSync(partFile(dir, 1))).toBe(true);
    expect(parallel.problems).toEqual(inOneThread.problems);
    expect(parallel.filesRead).toBe(inOneThread.filesRead);
    expect(parallel.problems.map((problem) => problem.rule)).toEqual(
      expect.arrayContaining(["reference-exists", "alias-unique", "id-unique", "reference-cycle", "schema"]),
    );
  });

  it("leaves a snapshot the later steps read with every valid record, in order", async () => {
    const dir = copyOf("valid");
    const inOneThread = validateRegistry(dir);
    const parallel = await validateInParallel(dir, twoThreads);
    expect(parallel.problems).toEqual(inOneThread.problems);
    expect(validRecords(dir)).toEqual(plain(inOneThread.registry));
    expect(parallel.counts.deployments).toBe(readdirSync(join(dir, "deployments")).length);
  });

  it("reports as afresh after a file changed, reusing the split checks of the others", async () => {
    const dir = copyOf("valid");
    await validateInParallel(dir, twoThreads);
    const changed = join(dir, "deployments", readdirSync(join(dir, "deployments"))[0]!);
    appendFileSync(changed, "notAField: 1\n");
    const again = await validateInParallel(dir, twoThreads);
    const fresh = validateRegistry(dir);
    expect(again.problems).toEqual(fresh.problems);
    expect(again.problems.some((problem) => problem.field === "notAField")).toBe(true);
    expect(validatedData(dir).records).toEqual(plain(fresh.registry));
  });

  it("drops the parts of an earlier split when a later run needs fewer", async () => {
    const dir = copyOf("valid");
    await validateInParallel(dir, twoThreads);
    appendFileSync(join(dir, "products", readdirSync(join(dir, "products"))[0]!), "# edited\n");
    await validateInParallel(dir, { threads: 1 });
    expect(existsSync(partFile(dir, 0))).toBe(true);
    expect(existsSync(partFile(dir, 1))).toBe(false);
    expect(validRecords(dir)).toEqual(plain(validateRegistry(dir).registry));
  });
});
