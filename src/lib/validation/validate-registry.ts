/**
 * The registry validator: reads every record file and runs every rule of `rules/` on it, stage by
 * stage (folder entry, bytes, YAML, record, registry), reporting each problem with file, line,
 * column and field. Used by `scripts/validate.ts` and by the site's content loader, through
 * snapshot.ts, which runs the stages within files (`checkFiles`) in chunks and the registry rules
 * (`registryProblems`) once over all of them.
 *
 * Reading YAML with positions is most of the work, so each file is first read without them
 * (fast-yaml.ts); only a file with an error, one whose warning cannot be placed from its lines, or
 * one the fast reading leaves alone, is read with positions. A run can also be handed the results
 * of an earlier one (see snapshot.ts): a valid
 * file whose text is unchanged keeps its problems and data without being read again; it is parsed
 * only if a registry rule needs a position in it. Files with errors are always checked afresh.
 */
import { createHash } from "node:crypto";
import { relative } from "node:path";
import { collections, type CollectionName } from "../../schema/index.ts";
import type { Deployment, Position as PositionRecord, Product } from "../../schema/index.ts";
import type { Problem } from "./problems.ts";
import { collectionEntries, isRecordFile, readRecordBytes, recordText, type RecordEntry } from "./record-files.ts";
import type { RecordFile, Rule } from "./rule.ts";
import { registryView } from "./references.ts";
import { rules } from "./rules/index.ts";
import { parseYamlWithPositions, type ParsedYaml } from "./yaml-source.ts";
import { readPlainYaml } from "./fast-yaml.ts";
import { checkRecord, oncePerLine, problemOf, runStage, safely, stage, type LoadedRecord } from "./check-record.ts";

export { fieldName, formatProblem, githubAnnotation, type Problem } from "./problems.ts";
export { schemaComment } from "./rules/schema-comment.ts";

export type { LoadedRecord } from "./check-record.ts";

/** Every record of the registry that passed its schema, by collection. */
export type LoadedRegistry = {
  deployments: LoadedRecord<Deployment>[];
  products: LoadedRecord<Product>[];
  positions: LoadedRecord<PositionRecord>[];
};

/** What checking one valid file's text found, to be reused while the text stays the same. */
export type FileCheck = {
  /** The file's name as problems show it. */
  file: string;
  /** The problems of its document and record stages (warnings only: files with errors are not reused). */
  problems: Problem[];
  /** The record as the registry rules see it (`registryView`). */
  view: Record<string, unknown>;
  /** The record as its schema normalized it. */
  data: unknown;
};

/** Earlier checks by `fileCheckKey`, valid only for the same rules, schemas and day (snapshot.ts sees to that). */
export type ReusableChecks = Map<string, FileCheck>;

/** The result of validating a data folder, with the checks a later run may reuse. */
export type ValidationResult = {
  registry: LoadedRegistry;
  problems: Problem[];
  filesRead: number;
  checks: ReusableChecks;
};

/**
 * Files whose bytes were read already (while fingerprinting the folder, snapshot.ts), by path,
 * with the SHA-256 of those bytes, so that validating reads and hashes each file only once.
 */
export type ReadFiles = Map<string, { bytes: Uint8Array; digest: string }>;

/** The SHA-256 of a file's bytes, as `ReadFiles` and `fileCheckKey` take it. */
export const bytesDigest = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Identifies a file's bytes (by their `bytesDigest`) as a record of a collection, shown under a name. */
export function fileCheckKey(file: RecordFile, digest: string): string {
  return createHash("sha256").update(`${file.collection}\0${file.file}\0${file.id}\0${digest}`).digest("hex");
}

/** The record a folder entry is read as: its collection, the id its name gives, and its shown name. */
export const recordFileOf = (entry: RecordEntry): RecordFile => ({
  collection: entry.collection,
  id: entry.name.slice(0, -".yaml".length),
  file: entry.file,
});

/** Gives `target` a `yaml` that is parsed from `text` only when first asked for. */
export function withLazyYaml<T extends object>(target: T, text: string): T & { yaml: ParsedYaml } {
  let yaml: ParsedYaml | undefined;
  return Object.defineProperty(target, "yaml", {
    get: () => (yaml ??= parseYamlWithPositions(text)),
    enumerable: true,
  }) as T & { yaml: ParsedYaml };
}

const collectionNames = Object.keys(collections) as CollectionName[];

/** Every entry of the collection folders under `dataDir`, collection by collection, each sorted by name. */
export function folderEntries(dataDir: string, displayRoot = process.cwd()): RecordEntry[] {
  return collectionNames.flatMap((collection) => collectionEntries(dataDir, collection, displayRoot));
}

/** A record that is a YAML map as the registry rules will see it, before its YAML is attached. */
export type ViewedRecord = RecordFile & { path: string; data: Record<string, unknown> };

/** What the stages within single files found in some of a folder's entries. */
export type CheckedFiles = {
  problems: Problem[];
  filesRead: number;
  /** Every record that is a YAML map, for the registry rules. */
  records: ViewedRecord[];
  /** The records that passed their schema. */
  registry: LoadedRegistry;
  /** The checks of valid files, by `fileCheckKey`. */
  checks: ReusableChecks;
};

/**
 * Runs the stages within single files (entry, bytes, YAML, record) on `entries`. A file listed in
 * `read` is taken from there; every file read is added to it, for placing the registry rules'
 * findings later. A valid file whose check is in `reuse` keeps it without being parsed.
 */
export function checkFiles(
  entries: readonly RecordEntry[],
  ruleSet: readonly Rule[] = rules,
  reuse: ReusableChecks = new Map(),
  read: ReadFiles = new Map(),
): CheckedFiles {
  const checked: CheckedFiles = {
    problems: [],
    filesRead: 0,
    records: [],
    registry: { deployments: [], products: [], positions: [] },
    checks: new Map(),
  };
  const { problems, records, registry, checks } = checked;
  for (const entry of entries) {
    problems.push(...runStage(stage(ruleSet, "entry"), entry, entry));
    // Whatever the rules say, only a regular .yaml file within the size cap is ever opened.
    if (!isRecordFile(entry)) continue;
    checked.filesRead += 1;
    const file = recordFileOf(entry);
    let known = read.get(entry.path);
    if (!known) {
      try {
        const bytes = readRecordBytes(entry.path);
        known = { bytes, digest: bytesDigest(bytes) };
        read.set(entry.path, known);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        problems.push(
          problemOf("file-type", "error", { message: `not a record: it could not be read (${reason})` }, entry),
        );
        continue;
      }
    }
    problems.push(...runStage(stage(ruleSet, "bytes"), { ...file, bytes: known.bytes }, file));
    const text = recordText(known.bytes);
    if (text === undefined) continue;
    const key = fileCheckKey(file, known.digest);
    const loadedIn = registry[file.collection] as LoadedRecord<unknown>[];
    const earlier = reuse.get(key);
    if (earlier) {
      checks.set(key, earlier);
      problems.push(...earlier.problems);
      records.push({ ...file, path: entry.path, data: earlier.view });
      loadedIn.push(withLazyYaml({ id: file.id, file: file.file, data: earlier.data }, text));
      continue;
    }
    const plain = readPlainYaml(text);
    let result = plain && checkRecord(file, text, ruleSet, plain.reading);
    // Errors are always those of the reading with positions, the one the editor and the rules'
    // tests use; warnings are the same in both readings and are placed from the lines where possible.
    if (!result || result.problems.some((problem) => problem.severity === "error")) {
      result = checkRecord(file, text, ruleSet, plain?.withPositions());
    }
    problems.push(...result.problems);
    if (!result.record) continue;
    const view = registryView(file.collection, result.record.data);
    records.push({ ...file, path: entry.path, data: view });
    if (!result.loaded) continue;
    loadedIn.push(result.loaded);
    if (result.problems.every((problem) => problem.severity !== "error")) {
      checks.set(key, { file: file.file, problems: result.problems, view, data: result.loaded.data });
    }
  }
  return checked;
}

/**
 * The registry rules' problems in all of a folder's entries and records; a finding is placed in
 * its file's YAML, read with positions (from `read`) only then.
 */
export function registryProblems(
  entries: RecordEntry[],
  viewed: readonly ViewedRecord[],
  read: ReadFiles,
  where: { dataDir: string; displayRoot?: string },
  ruleSet: readonly Rule[] = rules,
): Problem[] {
  const records = viewed.map(({ path, ...record }) => withLazyYaml(record, recordText(read.get(path)!.bytes)!));
  const problems: Problem[] = [];
  for (const rule of stage(ruleSet, "registry")) {
    for (const finding of safely(rule, () => rule.check({ entries, records }))) {
      const place =
        "in" in finding ? finding.in : { file: relative(where.displayRoot ?? process.cwd(), where.dataDir) || "." };
      problems.push(problemOf(rule.id, rule.severity, finding, place));
    }
  }
  return problems;
}

/** Problems as reports show them: by file, line and column, the same message once per line. */
export function inReportOrder(problems: Problem[]): Problem[] {
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return oncePerLine(problems);
}

/**
 * Validates all records under `dataDir` (with subfolders deployments/, products/, positions/).
 * File names in problems are relative to `displayRoot`. `ruleSet` is every rule unless a test says otherwise.
 * A record file listed in `alreadyRead` is taken from there instead of being read again.
 */
export function validateRegistry(
  dataDir: string,
  displayRoot = process.cwd(),
  ruleSet: readonly Rule[] = rules,
  reuse: ReusableChecks = new Map(),
  alreadyRead: ReadFiles = new Map(),
): ValidationResult {
  const entries = folderEntries(dataDir, displayRoot);
  const checked = checkFiles(entries, ruleSet, reuse, alreadyRead);
  const problems = [
    ...checked.problems,
    ...registryProblems(entries, checked.records, alreadyRead, { dataDir, displayRoot }, ruleSet),
  ];
  return {
    registry: checked.registry,
    problems: inReportOrder(problems),
    filesRead: checked.filesRead,
    checks: checked.checks,
  };
}

/** Checks one file's text (as a record of `collection` with `id`) against every rule within one record. */
export function validateRecordText(
  collection: CollectionName,
  file: string,
  id: string,
  text: string,
  ruleSet: readonly Rule[] = rules,
): { record?: LoadedRecord<never>; problems: Problem[]; yaml: ParsedYaml } {
  const checked = checkRecord({ collection, id, file }, text.replace(/\r\n?/g, "\n"), ruleSet);
  return { record: checked.loaded as LoadedRecord<never> | undefined, problems: checked.problems, yaml: checked.yaml };
}
