/**
 * What changed in each record file, read from the repository's git history: when a record was
 * added, changed or removed, in which commit, which of its fields changed and, for a key fact,
 * its value and confidence before and after.
 *
 * History may be missing or cut short. Without git (a tarball) nothing is known. In a shallow
 * clone the oldest commit present would seem to add every record at once; its changes are
 * therefore dropped and the history says from when it knows (`knownSince`), never misdating
 * a record as new.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { allDeploymentFacts, type KeyFactKey, type KeyFactRow } from "./key-facts.ts";
import { summarizeClaims, headlineValue } from "./derive.ts";
import { claim } from "../../schema/claim.ts";
import { confidence as confidenceLevels } from "../../schema/vocabulary.ts";
import type { Claim, CollectionName } from "../../schema/index.ts";

/** A key fact's state in one version of a record: its headline value and the confidences behind it. */
export type FactState = { value: string; confidence: string };

/** One key fact that a commit changed, with its state before and after (absent: not stated). */
export type FactChange = { key: KeyFactKey; before?: FactState; after?: FactState };

/** One commit's change to one record file. */
export type RecordChange = {
  collection: CollectionName;
  id: string;
  commit: string;
  /** ISO date-time of the commit (committer date: when the change entered the registry). */
  date: string;
  /** The commit message's first line. */
  subject: string;
  kind: "added" | "changed" | "removed";
  /** Top-level fields of the file that changed, as written in the YAML (key facts included). */
  fields: string[];
  /** The key facts among them, with their values. */
  facts: FactChange[];
};

/** The history of every record, newest change first. */
export type RegistryHistory = {
  /** Whether git history could be read at all. */
  available: boolean;
  /** Whether the clone is shallow, so older history is missing. */
  shallow: boolean;
  /** In a shallow clone, the date of the oldest commit present: changes before it are not known. */
  knownSince?: string;
  changes: RecordChange[];
};

type Git = (args: string[], input?: string) => string;

const runGit =
  (cwd: string): Git =>
  (args, input) =>
    execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      input,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["pipe", "pipe", "ignore"],
    });

/** A field's value in parsed YAML by its dotted key, e.g. `licences.client`. */
function fieldValue(record: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (value, part) => (value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined),
      record,
    );
}

/** The key-fact rows stated in a collection's files (derived facts have no text of their own). */
function statedRows(collection: CollectionName): KeyFactRow[] {
  return allDeploymentFacts.filter((row) => row.collection === collection && "claims" in row);
}

const claimSchemas = new Map<KeyFactKey, ReturnType<typeof claim>>();

/** A key fact's state as one version of a file states it; undefined when absent or unreadable. */
export function factState(row: KeyFactRow, record: unknown): FactState | undefined {
  const raw = fieldValue(record, row.key);
  if (raw === undefined) return undefined;
  let schema = claimSchemas.get(row.key);
  if (!schema) claimSchemas.set(row.key, (schema = claim(row.vocabulary)));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return undefined;
  const claims = parsed.data as Claim<string>[];
  const given = new Set(claims.map((c) => c.confidence));
  return {
    value: headlineValue(summarizeClaims(claims, "")),
    confidence: confidenceLevels.options.filter((level) => given.has(level)).join("|"),
  };
}

/** What changed between two versions of a record file (either may be absent). */
export function compareVersions(
  collection: CollectionName,
  before: unknown,
  after: unknown,
): { fields: string[]; facts: FactChange[] } {
  const asObject = (value: unknown) => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
  const [old, current] = [asObject(before), asObject(after)];
  const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])];
  const fields = keys.filter((key) => JSON.stringify(old[key]) !== JSON.stringify(current[key]));
  const facts = statedRows(collection).flatMap((row): FactChange[] => {
    const [was, is] = [factState(row, before), factState(row, after)];
    if (JSON.stringify(was) === JSON.stringify(is)) return [];
    return [{ key: row.key, ...(was ? { before: was } : {}), ...(is ? { after: is } : {}) }];
  });
  return { fields, facts };
}

const recordPath = /^(?:.*\/)?(deployments|products|positions)\/([a-z0-9-]+)\.ya?ml$/;

/** Reads `<commit>:<path>` blobs in one `git cat-file --batch`; a missing blob is undefined. */
function readBlobs(git: Git, specs: string[]): Map<string, string | undefined> {
  const blobs = new Map<string, string | undefined>();
  if (specs.length === 0) return blobs;
  const out = Buffer.from(git(["cat-file", "--batch"], `${specs.join("\n")}\n`), "utf8");
  let offset = 0;
  for (const spec of specs) {
    const end = out.indexOf(10, offset);
    const header = out.subarray(offset, end).toString("utf8");
    offset = end + 1;
    if (header.endsWith(" missing")) {
      blobs.set(spec, undefined);
      continue;
    }
    const size = Number(header.split(" ")[2]);
    blobs.set(spec, out.subarray(offset, offset + size).toString("utf8"));
    offset += size + 1;
  }
  return blobs;
}

const parseYaml = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The history of the record files below `dataDir`, read with git in `repoDir`. Knows nothing
 * (available: false) when git or the repository is missing.
 */
export function readRegistryHistory(dataDir = "data", repoDir = "."): RegistryHistory {
  const git = runGit(repoDir);
  let log: string;
  let shallow: boolean;
  let boundaries: Set<string>;
  try {
    shallow = git(["rev-parse", "--is-shallow-repository"]).trim() === "true";
    const shallowFile = git(["rev-parse", "--git-path", "shallow"]).trim();
    const shallowPath = shallowFile.startsWith("/") ? shallowFile : `${repoDir}/${shallowFile}`;
    boundaries = new Set(
      shallow && existsSync(shallowPath) ? readFileSync(shallowPath, "utf8").split("\n").filter(Boolean) : [],
    );
    // Along the first parent a merge counts once, with what it brought into the main line.
    log = git([
      "log",
      "--first-parent",
      "-m",
      "--no-renames",
      "--name-status",
      "--format=@%H%x09%cI%x09%s",
      "--",
      dataDir,
    ]);
  } catch {
    return { available: false, shallow: false, changes: [] };
  }

  type Pending = { commit: string; date: string; subject: string; status: string; path: string };
  const pending: Pending[] = [];
  let current: Omit<Pending, "status" | "path"> | undefined;
  for (const line of log.split("\n")) {
    if (line.startsWith("@")) {
      const [commit, date, ...subject] = line.slice(1).split("\t");
      current = { commit: commit!, date: date!, subject: subject.join("\t") };
    } else if (current && /^[AMD]\t/.test(line)) {
      const [status, path] = line.split("\t");
      if (recordPath.test(path!)) pending.push({ ...current, status: status!, path: path! });
    }
  }

  // The oldest commits of a shallow clone have no parent here: what they seem to add is only where the copy starts.
  const knownSince = [...boundaries]
    .map((commit) => git(["show", "-s", "--format=%cI", commit]).trim())
    .sort()
    .at(-1);
  const real = pending.filter((entry) => !boundaries.has(entry.commit));
  const blobs = readBlobs(
    git,
    real.flatMap((entry) => [`${entry.commit}:${entry.path}`, `${entry.commit}^:${entry.path}`]),
  );
  const changes = real.map((entry): RecordChange => {
    const [, collection, id] = recordPath.exec(entry.path)!;
    const after = entry.status === "D" ? undefined : parseYaml(blobs.get(`${entry.commit}:${entry.path}`));
    const before = entry.status === "A" ? undefined : parseYaml(blobs.get(`${entry.commit}^:${entry.path}`));
    return {
      collection: collection as CollectionName,
      id: id!,
      commit: entry.commit,
      date: entry.date,
      subject: entry.subject,
      kind: entry.status === "A" ? "added" : entry.status === "D" ? "removed" : "changed",
      ...compareVersions(collection as CollectionName, before, after),
    };
  });
  changes.sort((a, b) => b.date.localeCompare(a.date));
  return {
    available: true,
    shallow,
    ...(knownSince ? { knownSince } : {}),
    changes,
  };
}

const histories = new Map<string, RegistryHistory>();

/** The history of `dataDir`, read once per process. */
export function registryHistory(dataDir = "data"): RegistryHistory {
  let history = histories.get(dataDir);
  if (!history) {
    history = readRegistryHistory(dataDir);
    histories.set(dataDir, history);
  }
  return history;
}

/** The changes of one record, newest first. */
export function changesOf(history: RegistryHistory, collection: CollectionName, id: string): RecordChange[] {
  return changesByRecord(history).get(`${collection}/${id}`) ?? [];
}

/** Each record's changes in the history's order, built once per history, so every entry page asking stays linear. */
const byRecord = new WeakMap<RegistryHistory, Map<string, RecordChange[]>>();
function changesByRecord(history: RegistryHistory): Map<string, RecordChange[]> {
  let index = byRecord.get(history);
  if (!index) {
    index = new Map();
    for (const change of history.changes) {
      const key = `${change.collection}/${change.id}`;
      const changes = index.get(key) ?? [];
      changes.push(change);
      index.set(key, changes);
    }
    byRecord.set(history, index);
  }
  return index;
}
