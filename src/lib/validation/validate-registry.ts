/**
 * The registry validator: reads every record file and runs every rule of `rules/` on it, stage by
 * stage (folder entry, bytes, YAML, record, registry), reporting each problem with file, line,
 * column and field. Used by `scripts/validate.ts` and by the site's content loader.
 */
import { relative } from "node:path";
import { collections, type CollectionName } from "../../schema/index.ts";
import type { Deployment, Position as PositionRecord, Product } from "../../schema/index.ts";
import { fieldName, type Problem } from "./problems.ts";
import { collectionEntries, isRecordFile, readRecordBytes, recordText, type RecordEntry } from "./record-files.ts";
import type { Finding, RecordData, RecordFile, Rule, RuleIn } from "./rule.ts";
import { rules } from "./rules/index.ts";
import { parseYamlWithPositions, positionOfPath, type ParsedYaml } from "./yaml-source.ts";

export { fieldName, formatProblem, githubAnnotation, type Problem } from "./problems.ts";
export { schemaComment } from "./rules/schema-comment.ts";

/** A record that passed its schema, with what is needed to report problems in it later. */
export type LoadedRecord<T> = { id: string; file: string; data: T; yaml: ParsedYaml };

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

/** The document and record stages for one file's text. */
function checkRecord(file: RecordFile, text: string, ruleSet: readonly Rule[]) {
  const yaml = parseYamlWithPositions(text);
  const where = { file: file.file, yaml };
  const problems = runStage(stage(ruleSet, "document"), { ...file, text, yaml }, where);
  if (yaml.data === undefined) return { problems, yaml };
  const schemaResult = collections[file.collection].safeParse(yaml.data);
  const record: RecordData = { ...file, text, yaml, data: yaml.data, schemaResult };
  problems.push(...runStage(stage(ruleSet, "record"), record, where));
  const loaded = schemaResult.success ? { id: file.id, file: file.file, data: schemaResult.data, yaml } : undefined;
  return { problems, yaml, record, loaded };
}

function stage<S extends Rule["scope"]>(ruleSet: readonly Rule[], scope: S): RuleIn<S>[] {
  return ruleSet.filter((rule): rule is RuleIn<S> => rule.scope === scope);
}

type Where = { file: string; yaml?: ParsedYaml };

function runStage<I>(
  stageRules: { id: string; severity: Problem["severity"]; check(input: I): Iterable<Finding> }[],
  input: I,
  where: Where,
): Problem[] {
  return stageRules.flatMap((rule) =>
    safely(rule, () => rule.check(input)).map((finding) => problemOf(rule.id, rule.severity, finding, where)),
  );
}

/** A rule's findings; a rule that throws (a bug, whatever the input) is reported instead of stopping the run. */
function safely<F extends Finding>(rule: { id: string }, check: () => Iterable<F>): F[] {
  try {
    return [...check()];
  } catch (error) {
    return [
      { message: `the validator's rule ${rule.id} failed on this file (${String(error)}); please report it` } as F,
    ];
  }
}

function problemOf(rule: string, severity: Problem["severity"], finding: Finding, where: Where): Problem {
  const position =
    finding.position ??
    (finding.path && where.yaml ? positionOfPath(where.yaml, finding.path) : { line: 1, column: 1 });
  const field = finding.field ?? (finding.path ? fieldName(finding.path) : "");
  return { file: where.file, ...position, field, message: finding.message, severity, rule };
}

/** The same message several times on one line (e.g. three aliases) is reported once. */
function oncePerLine(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.field}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
