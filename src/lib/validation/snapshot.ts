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
 * Every registry rule still runs over every record. The files are checked in chunks (one here,
 * several on worker threads in parallel.ts); each chunk writes its records as a part of the snapshot.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import { threadId } from "node:worker_threads";
import { collections, type CollectionName } from "../../schema/index.ts";
import { isRecordFile, maxRecordBytes, type RecordEntry } from "./record-files.ts";
import { rules } from "./rules/index.ts";
import {
  bytesDigest,
  checkFiles,
  fileCheckKey,
  folderEntries,
  formatProblem,
  inReportOrder,
  recordFileOf,
  registryProblems,
  type CheckedFiles,
  type FileCheck,
  type Problem,
  type ReadFiles,
  type ReusableChecks,
} from "./validate-registry.ts";

/** One valid record as later steps need it: its id, its file, and its parsed (normalized) data. */
export type SnapshotRecord = { id: string; file: string; data: unknown };

/** Valid records by collection. */
export type SnapshotRecords = Record<CollectionName, SnapshotRecord[]>;

/** How many valid records of each collection there are. */
export type RecordCounts = Record<CollectionName, number>;

/** What validating a data folder found, in a form that can be written to disk. */
export type ValidationSnapshot = {
  fingerprint: string;
  filesRead: number;
  problems: Problem[];
  records: SnapshotRecords;
};

/**
 * A snapshot on disk is an index (what was found, and how many parts) and its parts, each holding
 * the records of a run of files: the parts can be written side by side by several threads
 * (parallel.ts). Each part names the snapshot it belongs to, so parts of two runs never mix.
 */
type SnapshotIndex = Omit<ValidationSnapshot, "records"> & { counts: RecordCounts; parts: number };
type SnapshotPart = { fingerprint: string; records: SnapshotRecords };

/**
 * The check of one valid file, kept beside the snapshot for the next validation (the later build
 * steps never read it): its normalized data is record `index` of `collection` in snapshot part `part`.
 */
type StoredCheck = Omit<FileCheck, "data"> & { key: string; part: number; collection: CollectionName; index: number };

/**
 * The checks of single valid files beside a snapshot: `snapshot` is the fingerprint of the
 * snapshot whose parts hold their data, `code` the fingerprint of the rules, schemas and day they hold for.
 */
type StoredChecks = { snapshot: string; code: string; files: StoredCheck[] };

/**
 * Where the snapshot of one data folder is kept: one file per folder, so test fixtures never
 * replace the real data's. It is in V8's serialization format (node:v8), which Node writes and
 * reads in about two thirds of the time JSON takes (about 100 MB at 10,000 records).
 */
export function snapshotFile(dataDir: string): string {
  const key = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
  return resolve(`.cache/validation/${key}.v8`);
}

/** Where part `part` of a data folder's snapshot is kept. */
export const partFile = (dataDir: string, part: number) => snapshotFile(dataDir).replace(/\.v8$/, `.part-${part}.v8`);

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
  const partial = `${file}.${process.pid}.${threadId}`;
  writeFileSync(partial, serialize(value));
  renameSync(partial, file);
}

/** The index of `dataDir`'s stored snapshot, if it is one and was made from exactly `fingerprint`. */
function storedIndex(dataDir: string, fingerprint: string): SnapshotIndex | undefined {
  const index = readStored<SnapshotIndex>(snapshotFile(dataDir));
  return index?.fingerprint === fingerprint && typeof index.parts === "number" ? index : undefined;
}

/** The snapshot whose index is `index`, read from its parts; undefined if any part is missing or of another snapshot. */
function snapshotOf(
  dataDir: string,
  { counts: _counts, parts, ...index }: SnapshotIndex,
): ValidationSnapshot | undefined {
  const records: SnapshotRecords = { deployments: [], products: [], positions: [] };
  for (let part = 0; part < parts; part += 1) {
    const stored = readStored<SnapshotPart>(partFile(dataDir, part));
    if (stored?.fingerprint !== index.fingerprint) return undefined;
    for (const collection of collectionNames) records[collection].push(...stored.records[collection]);
  }
  return { ...index, records };
}

const collectionNames = Object.keys(collections) as CollectionName[];

/**
 * One run of a folder's entries to check, in this thread or another (check-worker.ts): the files'
 * bytes, the earlier checks of those of them that may be reused, and the snapshot part to write.
 */
export type ChunkTask = {
  entries: RecordEntry[];
  read: [path: string, file: { bytes: Uint8Array; digest: string }][];
  earlier: { checks: StoredCheck[]; parts: string[]; fingerprint: string };
  part: { file: string; index: number; fingerprint: string };
};

/** What checking a chunk found, apart from the valid records' data, which is in its snapshot part. */
export type ChunkOutcome = Omit<CheckedFiles, "registry" | "checks"> & { checks: StoredCheck[]; counts: RecordCounts };

/**
 * Checks a chunk of files with every rule within single files, and writes its valid records as a
 * snapshot part (returned too, as `valid`).
 */
export function checkChunk(task: ChunkTask): ChunkOutcome & { valid: SnapshotRecords } {
  // The earlier data of reusable files, from the parts of the earlier snapshot that hold any. A
  // part another chunk has already replaced names another fingerprint, and its files are checked afresh.
  const parts = new Map<number, SnapshotPart | undefined>();
  const reuse: ReusableChecks = new Map();
  for (const { key, part, collection, index, ...check } of task.earlier.checks) {
    if (!parts.has(part)) {
      const stored = readStored<SnapshotPart>(task.earlier.parts[part] ?? "");
      parts.set(part, stored?.fingerprint === task.earlier.fingerprint ? stored : undefined);
    }
    const record = parts.get(part)?.records[collection]?.[index];
    if (record?.file === check.file) reuse.set(key, { ...check, data: record.data });
  }
  parts.clear();
  const { registry, checks, ...found } = checkFiles(task.entries, rules, reuse, new Map(task.read));
  const plain = (records: { id: string; file: string; data: unknown }[]) =>
    records.map(({ id, file, data }) => ({ id, file, data }));
  const valid: SnapshotRecords = {
    deployments: plain(registry.deployments),
    products: plain(registry.products),
    positions: plain(registry.positions),
  };
  writeWhole(task.part.file, { fingerprint: task.part.fingerprint, records: valid } satisfies SnapshotPart);
  const place = new Map(
    collectionNames.flatMap((collection) =>
      valid[collection].map((record, index) => [record.file, { collection, index }] as const),
    ),
  );
  const stored = [...checks].map(([key, { data: _data, ...check }]) => ({
    key,
    part: task.part.index,
    ...place.get(check.file)!,
    ...check,
  }));
  const counts = { deployments: 0, products: 0, positions: 0 };
  for (const collection of collectionNames) counts[collection] = valid[collection].length;
  return { ...found, checks: stored, counts, valid };
}

/** A validation to be made: the folder's fingerprint and entries, its files' bytes, and the chunks to check. */
export type ValidationPlan = {
  dataDir: string;
  fingerprint: string;
  code: string;
  entries: RecordEntry[];
  read: ReadFiles;
  tasks: ChunkTask[];
  /** The stored snapshot's index, when it was made from the same files by the same code today (and so says the same). */
  stored?: SnapshotIndex;
};

/**
 * Plans validating `dataDir` in runs of entries of about equal bytes, as many as `chunksFor` says
 * for the number of entries: reads and fingerprints every file, and hands each run the earlier
 * checks of its files that may be reused.
 */
export function planValidation(dataDir: string, chunksFor: (entries: number) => number = () => 1): ValidationPlan {
  const read: ReadFiles = new Map();
  const fingerprint = validationFingerprint(dataDir, undefined, read);
  const code = codeFingerprint();
  const index = readStored<SnapshotIndex>(snapshotFile(dataDir));
  const stored = storedIndex(dataDir, fingerprint);
  const storedChecks = readStored<StoredChecks>(checksFile(dataDir));
  const usable =
    typeof index?.parts === "number" && storedChecks?.snapshot === index.fingerprint && storedChecks.code === code;
  const earlierByKey = new Map(usable ? storedChecks.files.map((check) => [check.key, check]) : []);
  const earlier = {
    parts: usable ? Array.from({ length: index.parts }, (_, part) => partFile(dataDir, part)) : [],
    fingerprint: index?.fingerprint ?? "",
  };
  const entries = folderEntries(dataDir);
  const chunks = Math.max(1, chunksFor(entries.length));
  const totalBytes = entries.reduce((sum, entry) => sum + entry.size, 0);
  const tasks: ChunkTask[] = [];
  let task: ChunkTask | undefined;
  let bytes = 0;
  for (const entry of entries) {
    if (!task) {
      const part = { file: partFile(dataDir, tasks.length), index: tasks.length, fingerprint };
      tasks.push((task = { entries: [], read: [], earlier: { ...earlier, checks: [] }, part }));
    }
    task.entries.push(entry);
    const known = read.get(entry.path);
    if (known) {
      task.read.push([entry.path, known]);
      const check = isRecordFile(entry) && earlierByKey.get(fileCheckKey(recordFileOf(entry), known.digest));
      if (check) task.earlier.checks.push(check);
    }
    bytes += entry.size;
    if (tasks.length < chunks && bytes >= (totalBytes * tasks.length) / chunks) task = undefined;
  }
  return { dataDir, fingerprint, code, entries, read, tasks, stored };
}

/**
 * Completes a validation from its chunks' outcomes: runs the registry rules over all records, and
 * writes the snapshot's index and the checks (the chunks wrote the parts).
 */
export function completeValidation(plan: ValidationPlan, outcomes: ChunkOutcome[]): ValidationSummary {
  const { dataDir, fingerprint, entries, read } = plan;
  const records = outcomes.flatMap((outcome) => outcome.records);
  const problems = inReportOrder([
    ...outcomes.flatMap((outcome) => outcome.problems),
    ...registryProblems(entries, records, read, { dataDir }),
  ]);
  const filesRead = outcomes.reduce((sum, outcome) => sum + outcome.filesRead, 0);
  const counts: RecordCounts = { deployments: 0, products: 0, positions: 0 };
  for (const outcome of outcomes) {
    for (const collection of collectionNames) counts[collection] += outcome.counts[collection];
  }
  // The index after its parts, and the checks after the index: checks of an older snapshot name another fingerprint.
  const index: SnapshotIndex = { fingerprint, filesRead, problems, counts, parts: outcomes.length };
  writeWhole(snapshotFile(dataDir), index);
  const checks: StoredChecks = { snapshot: fingerprint, code: plan.code, files: outcomes.flatMap((o) => o.checks) };
  writeWhole(checksFile(dataDir), checks);
  // Parts of an earlier snapshot made in more chunks.
  for (let part = outcomes.length; existsSync(partFile(dataDir, part)); part += 1) rmSync(partFile(dataDir, part));
  return { fingerprint, filesRead, problems, counts };
}

/**
 * Validates `dataDir` now in this thread, reusing the checks of unchanged files, and writes the
 * snapshot the later build steps read. A stored snapshot made from the same files by the same
 * code today says the same already and is returned as it is.
 */
export function validateAndSnapshot(dataDir: string): ValidationSnapshot {
  const plan = planValidation(dataDir);
  const stored = plan.stored && snapshotOf(dataDir, plan.stored);
  if (stored) return stored;
  const outcomes = plan.tasks.map(checkChunk);
  const records: SnapshotRecords = { deployments: [], products: [], positions: [] };
  for (const { valid } of outcomes) {
    for (const collection of collectionNames) records[collection].push(...valid[collection]);
  }
  return { ...completeValidation(plan, outcomes), records };
}

/** What validating a folder found: its problems, and how many files and valid records it has. */
export type ValidationSummary = Omit<ValidationSnapshot, "records"> & { counts: RecordCounts };

/** What the stored snapshot with this index found. */
export const summaryOf = ({ parts: _parts, ...index }: SnapshotIndex): ValidationSummary => index;

let memo: ValidationSnapshot | undefined;

/** The validation of `dataDir`: from the snapshot when it was made from exactly these files, else afresh. */
export function validatedData(dataDir: string): ValidationSnapshot {
  const fingerprint = validationFingerprint(dataDir);
  if (memo?.fingerprint === fingerprint) return memo;
  const index = storedIndex(dataDir, fingerprint);
  return (memo = (index && snapshotOf(dataDir, index)) ?? validateAndSnapshot(dataDir));
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
