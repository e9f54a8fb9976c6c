/**
 * The registry validator: reads every record file and runs every rule of `rules/` on it, stage by
 * stage (folder entry, bytes, YAML, record, registry), reporting each problem with file, line,
 * column and field. Used by `scripts/validate.ts` and by the site's content loader.
 */
import { relative } from "node:path";
import { collections, type CollectionName } from "../../schema/index.ts";
import type { Deployment, Position as PositionRecord, Product } from "../../schema/index.ts";
import type { Problem } from "./problems.ts";
import { collectionEntries, isRecordFile, readRecordBytes, recordText, type RecordEntry } from "./record-files.ts";
import type { RecordData, RecordFile, Rule } from "./rule.ts";
import { rules } from "./rules/index.ts";
import type { ParsedYaml } from "./yaml-source.ts";
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

/** The result of validating a data folder. */
export type ValidationResult = { registry: LoadedRegistry; problems: Problem[]; filesRead: number };

const collectionNames = Object.keys(collections) as CollectionName[];

/**
 * Validates all records under `dataDir` (with subfolders deployments/, products/, positions/).
 * File names in problems are relative to `displayRoot`. `ruleSet` is every rule unless a test says otherwise.
 */
export function validateRegistry(
  dataDir: string,
  displayRoot = process.cwd(),
  ruleSet: readonly Rule[] = rules,
): ValidationResult {
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
      let bytes: Uint8Array;
      try {
        bytes = readRecordBytes(entry.path);
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
      const checked = checkRecord(file, text, ruleSet);
      problems.push(...checked.problems);
      if (checked.record) records.push(checked.record);
      if (checked.loaded) (registry[collection] as LoadedRecord<unknown>[]).push(checked.loaded);
    }
  }
  for (const rule of stage(ruleSet, "registry")) {
    for (const finding of safely(rule, () => rule.check({ entries, records }))) {
      const where = "in" in finding ? finding.in : { file: relative(displayRoot, dataDir) || "." };
      problems.push(problemOf(rule.id, rule.severity, finding, where));
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { registry, problems: oncePerLine(problems), filesRead };
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
