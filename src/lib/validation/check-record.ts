/**
 * The validator's core for one file, without a file system: runs the rules of a stage on what a
 * file has been read into, and places each finding at its line, column and field. The registry
 * walker (validate-registry.ts) and the browser editor (validate-file.ts) both run records through it.
 */
import { collections } from "../../schema/index.ts";
import { fieldName, type Problem } from "./problems.ts";
import type { Finding, RecordData, RecordFile, Rule, RuleIn } from "./rule.ts";
import { parseYamlWithPositions, positionOfPath, type ParsedYaml } from "./yaml-source.ts";

/** A record that passed its schema, with what is needed to report problems in it later. */
export type LoadedRecord<T> = { id: string; file: string; data: T; yaml: ParsedYaml };

/** The document and record stages for one file's text, read with positions unless `yaml` gives another reading. */
export function checkRecord(
  file: RecordFile,
  text: string,
  ruleSet: readonly Rule[],
  yaml: ParsedYaml = parseYamlWithPositions(text),
) {
  const where = { file: file.file, yaml };
  const problems = runStage(stage(ruleSet, "document"), { ...file, text, yaml }, where);
  if (yaml.data === undefined) return { problems, yaml };
  const schemaResult = collections[file.collection].safeParse(yaml.data);
  const record: RecordData = { ...file, text, yaml, data: yaml.data, schemaResult };
  problems.push(...runStage(stage(ruleSet, "record"), record, where));
  const loaded = schemaResult.success ? { id: file.id, file: file.file, data: schemaResult.data, yaml } : undefined;
  return { problems, yaml, record, loaded };
}

/** The rules of one stage. */
export function stage<S extends Rule["scope"]>(ruleSet: readonly Rule[], scope: S): RuleIn<S>[] {
  return ruleSet.filter((rule): rule is RuleIn<S> => rule.scope === scope);
}

/** The file a problem is in, and its YAML when it was parsed. */
export type Where = { file: string; yaml?: ParsedYaml };

/** Runs one stage's rules on `input`; each finding becomes a problem placed in `where`. */
export function runStage<I>(
  stageRules: { id: string; severity: Problem["severity"]; check(input: I): Iterable<Finding> }[],
  input: I,
  where: Where,
): Problem[] {
  return stageRules.flatMap((rule) =>
    safely(rule, () => rule.check(input)).map((finding) => problemOf(rule.id, rule.severity, finding, where)),
  );
}

/** A rule's findings; a rule that throws (a bug, whatever the input) is reported instead of stopping the run. */
export function safely<F extends Finding>(rule: { id: string }, check: () => Iterable<F>): F[] {
  try {
    return [...check()];
  } catch (error) {
    return [
      { message: `the validator's rule ${rule.id} failed on this file (${String(error)}); please report it` } as F,
    ];
  }
}

/** A rule's finding as a problem with file, line, column and field. */
export function problemOf(rule: string, severity: Problem["severity"], finding: Finding, where: Where): Problem {
  const position =
    finding.position ??
    (finding.path && where.yaml ? positionOfPath(where.yaml, finding.path) : { line: 1, column: 1 });
  const field = finding.field ?? (finding.path ? fieldName(finding.path) : "");
  return { file: where.file, ...position, field, message: finding.message, severity, rule };
}

/** The same message several times on one line (e.g. three aliases) is reported once. */
export function oncePerLine(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.field}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
