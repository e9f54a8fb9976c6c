/**
 * Validate once per build. The first step (`npm run validate`) checks the data folder and writes
 * what it found to a snapshot; the later steps (Astro's content loader, the social cards) read the
 * snapshot instead of validating again. A snapshot counts only for the exact bytes it was made
 * from: the data files, the validator's and schemas' code, and the day (dates in the future are
 * refused). Anything else validates afresh, so `astro dev` or `astro build` on their own still
 * refuse a broken record with the same report.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { collections, type CollectionName } from "../../schema/index.ts";
import { maxRecordBytes } from "./record-files.ts";
import { formatProblem, validateRegistry, type Problem } from "./validate-registry.ts";

/** One valid record as later steps need it: its id, its file, and its parsed (normalized) data. */
export type SnapshotRecord = { id: string; file: string; data: unknown };

/** What validating a data folder found, in a form that can be written to disk. */
export type ValidationSnapshot = {
  fingerprint: string;
  filesRead: number;
  problems: Problem[];
  records: Record<CollectionName, SnapshotRecord[]>;
};

/** Where the snapshot of one data folder is kept: one file per folder, so test fixtures never replace the real data's. */
export function snapshotFile(dataDir: string): string {
  const key = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
  return resolve(`.cache/validation/${key}.json`);
}
// Paths from the project root, where every build step runs (a bundler may move this module).
const codeDirs = [resolve("src/lib/validation"), resolve("src/schema")];

/** A fingerprint of everything a validation result depends on. */
export function validationFingerprint(dataDir: string, today = new Date()): string {
  const hash = createHash("sha256");
  hash.update(`day:${today.toISOString().slice(0, 10)}\n`);
  for (const dir of codeDirs) hashTree(hash, dir, "code", /\.ts$/);
  for (const collection of Object.keys(collections)) hashTree(hash, join(dataDir, collection), collection, /$/);
  return hash.digest("hex");
}

/** Hashes every entry below `dir` by name and kind, and regular files by content; never follows links. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string, label: string, include: RegExp): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const named = `${label}/${name}`;
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      hash.update(`dir:${named}\n`);
      hashTree(hash, path, named, include);
    } else if (stat.isFile() && include.test(name)) {
      hash.update(`file:${named}:${stat.size}\n`);
      // A file over the cap is refused for its size alone, so its size is all the result depends on.
      if (stat.size <= maxRecordBytes) hash.update(readFileSync(path));
    } else {
      hash.update(`other:${named}\n`);
    }
  }
}

/** Validates `dataDir` now and writes the snapshot the later build steps read. */
export function validateAndSnapshot(dataDir: string): ValidationSnapshot {
  const fingerprint = validationFingerprint(dataDir);
  const { registry, problems, filesRead } = validateRegistry(dataDir);
  const plain = (records: { id: string; file: string; data: unknown }[]) =>
    records.map(({ id, file, data }) => ({ id, file, data }));
  const snapshot: ValidationSnapshot = {
    fingerprint,
    filesRead,
    problems,
    records: {
      deployments: plain(registry.deployments),
      products: plain(registry.products),
      positions: plain(registry.positions),
    },
  };
  const file = snapshotFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  // Written whole, then renamed, so a reader never sees half a snapshot.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(snapshot));
  renameSync(partial, file);
  return snapshot;
}

let memo: ValidationSnapshot | undefined;

/** The validation of `dataDir`: from the snapshot when it was made from exactly these files, else afresh. */
export function validatedData(dataDir: string): ValidationSnapshot {
  const fingerprint = validationFingerprint(dataDir);
  if (memo?.fingerprint === fingerprint) return memo;
  const file = snapshotFile(dataDir);
  if (existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, "utf8")) as ValidationSnapshot;
      if (stored.fingerprint === fingerprint) return (memo = stored);
    } catch {
      // A damaged snapshot is simply made again.
    }
  }
  return (memo = validateAndSnapshot(dataDir));
}

/** The valid records of `dataDir`; throws with the validator's report if any record is invalid. */
export function validRecords(dataDir: string): ValidationSnapshot["records"] {
  const { problems, records } = validatedData(dataDir);
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    throw new Error(
      `The registry has ${errors.length} invalid record field(s); nothing is published.\n${errors.map(formatProblem).join("\n")}`,
    );
  }
  return records;
}
