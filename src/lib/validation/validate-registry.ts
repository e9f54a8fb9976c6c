/**
 * The registry validator: reads every record file and runs every rule of `rules/` on it, stage by
 * stage (folder entry, bytes, YAML, record, registry), reporting each problem with file, line,
 * column and field. Used by `scripts/validate.ts` and by the site's content loader.
 *
 * Reading YAML with positions is most of the work, so each file is first read without them
 * (fast-yaml.ts); only a file with an error, one whose warning cannot be placed from its lines, or
 * one the fast reading leaves alone, is read with positions. A run can also be handed the results of an earlier one (see snapshot.ts): a valid
 * file whose text is unchanged keeps its problems and data without being read again; it is parsed
 * only if a registry rule needs a position in it. Files with errors are always checked afresh.
 */
import { createHash } from "node:crypto";
import { relative } from "node:path";
import { collections, type CollectionName } from "../../schema/index.ts";
import type { Deployment, Position as PositionRecord, Product } from "../../schema/index.ts";
import type { Problem } from "./problems.ts";
import { collectionEntries, isRecordFile, readRecordBytes, recordText, type RecordEntry } from "./record-files.ts";
import type { RecordData, RecordFile, Rule } from "./rule.ts";
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
  /** The record as the YAML gives it, for the registry rules. */
  raw: Record<string, unknown>;
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

/** Gives `target` a `yaml` that is parsed from `text` only when first asked for. */
function withLazyYaml<T extends object>(target: T, text: string): T & { yaml: ParsedYaml } {
  let yaml: ParsedYaml | undefined;
  return Object.defineProperty(target, "yaml", {
    get: () => (yaml ??= parseYamlWithPositions(text)),
    enumerable: true,
  }) as T & { yaml: ParsedYaml };
}

const collectionNames = Object.keys(collections) as CollectionName[];

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
  const checks: ReusableChecks = new Map();
  const problems: Problem[] = [];
  const registry: LoadedRegistry = { deployments: [], products: [], positions: [] };
  const entries: RecordEntry[] = [];
  const records: RecordData[] = [];
  let filesRead = 0;
  for (const collection of collectionNames) {
    for (const entry of collectionEntries(dataDir, collection, displayRoot)) {
      entries.push(entry);
      problems.push(...runStage(stage(ruleSet, "entry"), entry, entry));
      // Whatever the rules say, only a regular .yaml file within the size cap is ever opened.
      if (!isRecordFile(entry)) continue;
      filesRead += 1;
      const file: RecordFile = { collection, id: entry.name.slice(0, -".yaml".length), file: entry.file };
      const known = alreadyRead.get(entry.path);
      let bytes: Uint8Array;
      try {
        bytes = known?.bytes ?? readRecordBytes(entry.path);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        problems.push(
          problemOf("file-type", "error", { message: `not a record: it could not be read (${reason})` }, entry),
        );
        continue;
      }
      problems.push(...runStage(stage(ruleSet, "bytes"), { ...file, bytes }, file));
      const text = recordText(bytes);
      if (text === undefined) continue;
      const key = fileCheckKey(file, known?.digest ?? bytesDigest(bytes));
      const earlier = reuse.get(key);
      if (earlier) {
        checks.set(key, earlier);
        problems.push(...earlier.problems);
        const schemaResult = { success: true as const, data: earlier.data };
        records.push(withLazyYaml({ ...file, text, data: earlier.raw, schemaResult }, text));
        const loaded = withLazyYaml({ id: file.id, file: file.file, data: earlier.data }, text);
        (registry[collection] as LoadedRecord<unknown>[]).push(loaded);
        continue;
      }
      const plain = readPlainYaml(text);
      let checked = plain && checkRecord(file, text, ruleSet, plain.reading);
      // Errors are always those of the reading with positions, the one the editor and the rules'
      // tests use; warnings are the same in both readings and are placed from the lines where possible.
      if (!checked || checked.problems.some((problem) => problem.severity === "error")) {
        checked = checkRecord(file, text, ruleSet, plain?.withPositions());
      }
      problems.push(...checked.problems);
      if (checked.record) records.push(checked.record);
      if (checked.loaded) (registry[collection] as LoadedRecord<unknown>[]).push(checked.loaded);
      if (checked.record && checked.loaded && checked.problems.every((problem) => problem.severity !== "error")) {
        checks.set(key, {
          file: file.file,
          problems: checked.problems,
          raw: checked.record.data,
          data: checked.loaded.data,
        });
      }
    }
  }
  for (const rule of stage(ruleSet, "registry")) {
    for (const finding of safely(rule, () => rule.check({ entries, records }))) {
      const where = "in" in finding ? finding.in : { file: relative(displayRoot, dataDir) || "." };
      problems.push(problemOf(rule.id, rule.severity, finding, where));
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { registry, problems: oncePerLine(problems), filesRead, checks };
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
