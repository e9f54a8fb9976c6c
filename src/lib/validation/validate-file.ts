/**
 * The validator for one record file given as text, without a file system: what `npm run validate`
 * reports for that file, told the other records only by their ids, aliases and references. The
 * browser editor runs it while a person types; every stage and rule is the registry walker's own.
 */
import type { CollectionName } from "../../schema/index.ts";
import { checkRecord, oncePerLine, problemOf, runStage, safely, stage } from "./check-record.ts";
import type { Problem } from "./problems.ts";
import { maxRecordBytes, recordText } from "./record-bytes.ts";
import { registryView } from "./references.ts";
import type { RecordEntry, RegistryRecord, Rule } from "./rule.ts";
import { rules } from "./rules/index.ts";

/** Another record of the registry, as far as the rules between records need it. */
export type KnownRecord = {
  collection: CollectionName;
  id: string;
  /** Its aliases and the fields that name other records (see `knownRecordOf`), nothing else. */
  data: Record<string, unknown>;
};

/** What of a record the rules between records read: its aliases and its references, at their places. */
export function knownRecordOf(collection: CollectionName, id: string, data: Record<string, unknown>): KnownRecord {
  return { collection, id, data: registryView(collection, data) };
}

/** One file to check: its collection, its name in the collection folder, its text. */
export type RecordFileText = {
  collection: CollectionName;
  /** The file's name, e.g. `de-he-hepolchat.yaml`; its id is the name without `.yaml`. */
  name: string;
  text: string;
  /**
   * The registry's other records. Leave out the record this file replaces (when editing one); a
   * new file whose id a listed record has is then reported as the clash it is.
   */
  known: readonly KnownRecord[];
};

/**
 * The problems `npm run validate` reports for this file in a registry of the known records, with the
 * same line, column, field and message, sorted as it prints them.
 */
export function validateRecordFile(input: RecordFileText, ruleSet: readonly Rule[] = rules): Problem[] {
  const { collection, name } = input;
  const file = `data/${collection}/${name}`;
  const id = name.endsWith(".yaml") ? name.slice(0, -".yaml".length) : name;
  const bytes = new TextEncoder().encode(input.text);
  const entry: RecordEntry = {
    collection,
    name,
    file,
    path: file,
    kind: "file",
    size: bytes.length,
    isCollectionFolder: false,
  };
  const problems = runStage(stage(ruleSet, "entry"), entry, entry);
  // As in the registry walker: only a .yaml file within the size cap is read at all.
  const read = name.endsWith(".yaml") && bytes.length <= maxRecordBytes;
  if (read) problems.push(...runStage(stage(ruleSet, "bytes"), { collection, id, file, bytes }, { file }));
  const text = read ? recordText(bytes) : undefined;
  const checked = text === undefined ? undefined : checkRecord({ collection, id, file }, text, ruleSet);
  if (checked) problems.push(...checked.problems);
  const others = input.known;
  const entries: RecordEntry[] = [
    ...others.map((record) => {
      const otherFile = `data/${record.collection}/${record.id}.yaml`;
      return { ...entry, collection: record.collection, name: `${record.id}.yaml`, file: otherFile, path: otherFile };
    }),
    // Last, so that a rule naming the later of two clashing files names this one.
    entry,
  ];
  const records = [
    ...others.map((record) => ({ ...record, file: `data/${record.collection}/${record.id}.yaml` }) as RegistryRecord),
    ...(checked?.record ? [{ ...checked.record, data: registryView(collection, checked.record.data) }] : []),
  ];
  for (const rule of stage(ruleSet, "registry")) {
    for (const finding of safely(rule, () => rule.check({ entries, records }))) {
      if ("in" in finding && finding.in.file === file) {
        problems.push(problemOf(rule.id, rule.severity, finding, finding.in));
      }
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return oncePerLine(problems);
}
