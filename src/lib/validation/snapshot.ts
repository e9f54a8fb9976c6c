/**
 * Validate once per build. The first step (`npm run validate`) checks the data folder and writes
 * what it found to a snapshot; the later steps (Astro's content loader, the social cards) read the
 * snapshot instead of validating again. A snapshot counts only for the exact bytes it was made
 * from: the data files, the validator's and schemas' code, and the day (dates in the future are
 * refused). Anything else validates afresh, so `astro dev` or `astro build` on their own still
 * refuse a broken record with the same report.
 *
 * Validating afresh reuses the checks of single files kept beside the snapshot: a valid file
 * whose text has not changed, checked by the same code on the same day, is not parsed again.
 * Every registry rule still runs over every record.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import { collections, type CollectionName } from "../../schema/index.ts";
import { maxRecordBytes } from "./record-files.ts";
import {
  bytesDigest,
  formatProblem,
  validateRegistry,
  type Problem,
  type ReadFiles,
  type ReusableChecks,
} from "./validate-registry.ts";

/** One valid record as later steps need it: its id, its file, and its parsed (normalized) data. */
export type SnapshotRecord = { id: string; file: string; data: unknown };

/** What validating a data folder found, in a form that can be written to disk. */
export type ValidationSnapshot = {
  fingerprint: string;
  filesRead: number;
  problems: Problem[];
  records: Record<CollectionName, SnapshotRecord[]>;
};

/**
 * The checks of single valid files, for the next validation, kept beside the snapshot (the later
 * build steps never read them): `snapshot` is the fingerprint of the snapshot whose records hold
 * their normalized data, `code` the fingerprint of the rules, schemas and day they hold for.
 */
type StoredChecks = {
  snapshot: string;
  code: string;
  files: { key: string; file: string; raw: Record<string, unknown>; problems: Problem[] }[];
};

/**
 * Where the snapshot of one data folder is kept: one file per folder, so test fixtures never
 * replace the real data's. It is in V8's serialization format (node:v8), which Node writes and
 * reads in about two thirds of the time JSON takes (64 MB at 10,000 records).
 */
export function snapshotFile(dataDir: string): string {
  const key = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
  return resolve(`.cache/validation/${key}.v8`);
}

/** Where the checks of single files beside a data folder's snapshot are kept. */
export const checksFile = (dataDir: string) => snapshotFile(dataDir).replace(/\.v8$/, ".checks.v8");
// Paths from the project root, where every build step runs (a bundler may move this module).
const codeDirs = [resolve("src/lib/validation"), resolve("src/schema")];

/**
 * A fingerprint of what a check of one file depends on besides its text: the validator's and
 * schemas' code, the day, and the folder problems name files from.
 */
export function codeFingerprint(today = new Date()): string {
  const hash = createHash("sha256");
  hash.update(`day:${today.toISOString().slice(0, 10)}\nfrom:${process.cwd()}\n`);
  for (const dir of codeDirs) hashTree(hash, dir, "code", /\.ts$/);
  return hash.digest("hex");
}

/**
 * A fingerprint of everything a validation result depends on. The data files' bytes it reads are
 * left in `read`, for validating them without reading them again.
 */
export function validationFingerprint(dataDir: string, today = new Date(), read?: ReadFiles): string {
  const hash = createHash("sha256");
  hash.update(`code:${codeFingerprint(today)}\n`);
  for (const collection of Object.keys(collections)) hashTree(hash, join(dataDir, collection), collection, /$/, read);
  return hash.digest("hex");
}

/**
 * Hashes every entry below `dir` by name and kind, and regular files by the digest of their
 * content (kept in `read` with the bytes, when given); never follows links.
 */
function hashTree(
  hash: ReturnType<typeof createHash>,
  dir: string,
  label: string,
  include: RegExp,
  read?: ReadFiles,
): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const named = `${label}/${name}`;
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      hash.update(`dir:${named}\n`);
      hashTree(hash, path, named, include, read);
    } else if (stat.isFile() && include.test(name)) {
      hash.update(`file:${named}:${stat.size}\n`);
      // A file over the cap is refused for its size alone, so its size is all the result depends on.
      if (stat.size <= maxRecordBytes) {
        const bytes = readFileSync(path);
        const digest = bytesDigest(bytes);
        hash.update(`${digest}\n`);
        read?.set(path, { bytes, digest });
      }
    } else {
      hash.update(`other:${named}\n`);
    }
  }
}

/** The checks of single files stored beside a snapshot, if they belong to it and were made by this code today. */
function earlierChecks(
  stored: ValidationSnapshot | undefined,
  storedChecks: StoredChecks | undefined,
  code: string,
): ReusableChecks {
  const checks: ReusableChecks = new Map();
  if (!stored || storedChecks?.snapshot !== stored.fingerprint || storedChecks.code !== code) return checks;
  const data = new Map(Object.values(stored.records).flatMap((records) => records.map((r) => [r.file, r.data])));
  for (const { key, file, raw, problems } of storedChecks.files) {
    if (data.has(file)) checks.set(key, { file, problems, raw, data: data.get(file) });
  }
  return checks;
}

/**
 * A stored file's value, or undefined when there is none or it cannot be read (a damaged one, or
 * one written by another Node version, is simply made again).
 */
function readStored<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return deserialize(readFileSync(file)) as T;
  } catch {
    return undefined;
  }
}

/** Writes a file whole, then renames it into place, so a reader never sees half of it. */
function writeWhole(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, serialize(value));
  renameSync(partial, file);
}

/** Validates `dataDir` now, reusing the checks of unchanged files, and writes the snapshot the later build steps read. */
export function validateAndSnapshot(
  dataDir: string,
  stored: ValidationSnapshot | undefined = readStored(snapshotFile(dataDir)),
): ValidationSnapshot {
  const read: ReadFiles = new Map();
  const fingerprint = validationFingerprint(dataDir, undefined, read);
  const code = codeFingerprint();
  const storedChecks = readStored<StoredChecks>(checksFile(dataDir));
  const earlier = earlierChecks(stored, storedChecks, code);
  const result = validateRegistry(dataDir, undefined, undefined, earlier, read);
  const { registry, problems, filesRead } = result;
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
  // Made from the same files by the same code on the same day, what is stored says the same already.
  if (stored?.fingerprint === fingerprint && earlier.size === result.checks.size) return snapshot;
  // The snapshot first: checks written beside an older snapshot name another fingerprint and are not reused.
  writeWhole(snapshotFile(dataDir), snapshot);
  const checks: StoredChecks = {
    snapshot: fingerprint,
    code,
    files: [...result.checks].map(([key, { file, raw, problems }]) => ({ key, file, raw, problems })),
  };
  writeWhole(checksFile(dataDir), checks);
  return snapshot;
}

let memo: ValidationSnapshot | undefined;

/** The validation of `dataDir`: from the snapshot when it was made from exactly these files, else afresh. */
export function validatedData(dataDir: string): ValidationSnapshot {
  const fingerprint = validationFingerprint(dataDir);
  if (memo?.fingerprint === fingerprint) return memo;
  const stored = readStored<ValidationSnapshot>(snapshotFile(dataDir));
  if (stored?.fingerprint === fingerprint) return (memo = stored);
  return (memo = validateAndSnapshot(dataDir, stored));
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
