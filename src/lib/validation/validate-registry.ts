/**
 * The registry validator: reads every record file, checks it against the zod schemas and
 * against the other records, and reports each problem with file, line, column and field.
 * Used by `scripts/validate.ts` and by the site's content loader.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { z } from "zod";
import { collections, type CollectionName } from "../../schema/index.ts";
import type { Deployment, Position as PositionRecord, Product } from "../../schema/index.ts";
import { isMap, isSeq } from "yaml";
import { findNode, parseYamlWithPositions, positionOf, type ParsedYaml } from "./yaml-source.ts";
import { closestMatch } from "./closest-match.ts";
import { knownFieldsAt } from "./schema-fields.ts";

/** One thing wrong (or doubtful) in one file. */
export type Problem = {
  file: string;
  line: number;
  column: number;
  /** The field, written like `status[1].date`; empty for the file as a whole. */
  field: string;
  message: string;
  severity: "error" | "warning";
};

/** A record that passed its schema, with what is needed to report problems in it later. */
export type LoadedRecord<T> = { id: string; file: string; data: T; yaml: ParsedYaml };

/** Every valid record of the registry, by collection. */
export type LoadedRegistry = {
  deployments: LoadedRecord<Deployment>[];
  products: LoadedRecord<Product>[];
  positions: LoadedRecord<PositionRecord>[];
};

/** The result of validating a data folder. */
export type ValidationResult = { registry: LoadedRegistry; problems: Problem[]; filesRead: number };

/** The first line each record carries so editors can check it while typing. */
export function schemaComment(collection: CollectionName): string {
  return `# yaml-language-server: $schema=../../public/schema/${collection.replace(/s$/, "")}.schema.json`;
}

/** Validates all records under `dataDir` (with subfolders deployments/, products/, positions/). */
export function validateRegistry(dataDir: string, displayRoot = process.cwd()): ValidationResult {
  const problems: Problem[] = [];
  const registry: LoadedRegistry = { deployments: [], products: [], positions: [] };
  const parsedFiles: ParsedFile[] = [];
  let filesRead = 0;
  for (const collection of Object.keys(collections) as CollectionName[]) {
    const folder = join(dataDir, collection);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const file = relative(displayRoot, path);
      if (!/\.ya?ml$/.test(name)) {
        problems.push(problemAt(file, 1, 1, "", `not a record: files in ${collection}/ must end in .yaml`));
        continue;
      }
      filesRead += 1;
      const id = name.replace(/\.ya?ml$/, "");
      const result = validateRecordText(collection, file, id, readFileSync(path, "utf8"));
      problems.push(...result.problems);
      if (result.yaml.data !== undefined) parsedFiles.push({ collection, id, file, yaml: result.yaml });
      if (result.record) (registry[collection] as LoadedRecord<unknown>[]).push(result.record);
    }
  }
  problems.push(...crossRecordProblems(parsedFiles));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { registry, problems: oncePerLine(problems), filesRead };
}

/** Checks one file's text against its collection's schema and the rules within one record. */
export function validateRecordText(
  collection: CollectionName,
  file: string,
  id: string,
  text: string,
): { record?: LoadedRecord<never>; problems: Problem[]; yaml: ParsedYaml } {
  const problems: Problem[] = [];
  const yaml = parseYamlWithPositions(text);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    problems.push(
      problemAt(
        file,
        1,
        1,
        "",
        `file name "${id}" is not a valid id: use lowercase letters, digits and single hyphens`,
      ),
    );
  }
  const expectedComment = schemaComment(collection);
  if (!text.startsWith(expectedComment) && yaml.syntaxProblems.length === 0) {
    problems.push(problemAt(file, 1, 1, "", `first line must be "${expectedComment}" so editors check the record`));
  }
  for (const { position, message } of yaml.syntaxProblems) {
    problems.push(problemAt(file, position.line, position.column, "", message));
  }
  if (yaml.data === undefined || !yaml.document) return { problems, yaml };

  const schema = collections[collection] as z.ZodType;
  const parsed = schema.safeParse(yaml.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...describeIssue(issue, [], file, yaml, schema));
    return { problems, yaml };
  }
  const record = { id, file, data: parsed.data as never, yaml };
  problems.push(...withinRecordProblems(collection, record));
  return { record, problems, yaml };
}

type Issue = z.core.$ZodIssue;

/** Turns one zod issue into problems placed on the right line: the key if missing or unknown, else the value. */
function describeIssue(
  issue: Issue,
  prefix: PropertyKey[],
  file: string,
  yaml: ParsedYaml,
  schema: z.ZodType,
): Problem[] {
  const path = [...prefix, ...issue.path];
  const document = yaml.document!;
  if (issue.code === "invalid_union") {
    const input = findNode(document, path);
    const branch = pickUnionBranch(
      issue.errors,
      input.depth < path.length ? "missing" : isCollection(input.node) ? "collection" : "scalar",
    );
    return branch.flatMap((inner) => describeIssue(inner, path, file, yaml, schema));
  }
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const found = findNode(document, [...path, key]);
      const at = positionOf(found.keyNode ?? found.node, yaml.lineCounter);
      const suggestion = closestMatch(key, knownFieldsAt(schema, path));
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
      return problemAt(file, at.line, at.column, fieldName([...path, key]), `unknown field${hint}`);
    });
  }
  const found = findNode(document, path);
  if (found.depth === path.length - 1 && isMap(found.node)) {
    const parent = findNode(document, path.slice(0, -1));
    const at = positionOf(parent.keyNode ?? parent.node, yaml.lineCounter);
    return [problemAt(file, at.line, at.column, fieldName(path), `missing required field "${String(path.at(-1))}"`)];
  }
  const at = positionOf(found.node ?? found.keyNode, yaml.lineCounter);
  const shownPath = path.slice(0, found.depth);
  return [problemAt(file, at.line, at.column, fieldName(shownPath), issueMessage(issue, found.node))];
}

/**
 * A union (bare value | sourced object | list) fails in every branch; report the branch the
 * writer evidently meant: the one whose failure is not just "wrong shape of value".
 */
function pickUnionBranch(branches: Issue[][], input: "missing" | "scalar" | "collection"): Issue[] {
  if (input === "missing") return branches[0] ?? [];
  const shapeMismatch = (issue: Issue) =>
    issue.path.length === 0 &&
    (issue.code === "invalid_type" || (input === "collection" && issue.code === "invalid_value"));
  const meant = branches.filter((issues) => !issues.some(shapeMismatch));
  const candidates = meant.length > 0 ? meant : branches;
  return candidates.reduce((best, issues) => (issues.length < best.length ? issues : best));
}

function isCollection(node: unknown): boolean {
  return isMap(node) || isSeq(node);
}

function issueMessage(issue: Issue, node: unknown): string {
  const got =
    node && typeof node === "object" && "toJSON" in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map(String);
    const suggestion = typeof got === "string" ? closestMatch(got, allowed) : undefined;
    return (
      `expected one of ${allowed.join(", ")}; got ${JSON.stringify(got)}` +
      (suggestion ? ` (did you mean "${suggestion}"?)` : "")
    );
  }
  if (issue.code === "invalid_type") {
    return `expected ${issue.expected}, got ${describeValue(got)}`;
  }
  if (issue.code === "too_small" && issue.origin === "array") {
    return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}`;
  }
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Rules inside one valid record: source references, dated status order, editorial presumptions, plain http. */
function withinRecordProblems(
  collection: CollectionName,
  record: LoadedRecord<Deployment | Product | PositionRecord>,
): Problem[] {
  const problems: Problem[] = [];
  const { data } = record;
  const report = (path: PropertyKey[], message: string, severity: Problem["severity"] = "error") => {
    const found = findNode(record.yaml.document!, path);
    const at = positionOf(found.node ?? found.keyNode, record.yaml.lineCounter);
    problems.push({ ...problemAt(record.file, at.line, at.column, fieldName(path), message), severity });
  };

  const sourceIds = new Set<string>();
  data.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) report(["sources", i, "id"], `source id "${source.id}" is used twice in this record`);
    sourceIds.add(source.id);
    if (source.url?.startsWith("http://")) {
      report(["sources", i, "url"], "plain http address: keep it only if the source exists only there", "warning");
    }
  });
  data.sources.forEach((source, i) => {
    if (source.via !== undefined && !sourceIds.has(source.via)) {
      report(["sources", i, "via"], unknownSourceMessage(source.via, sourceIds));
    }
  });
  for (const { path, ids } of sourceReferences(data)) {
    ids.forEach((ref, i) => {
      if (!sourceIds.has(ref)) report([...path, i], unknownSourceMessage(ref, sourceIds));
    });
  }

  if (collection === "deployments") {
    const deployment = data as Deployment;
    let previous: string | undefined;
    deployment.status.forEach((step, i) => {
      const when = step.date ?? step.asOf;
      if (when === undefined) return;
      if (previous !== undefined && when < previous) {
        report(
          ["status", i, step.date ? "date" : "asOf"],
          `status history must be oldest first: ${when} comes after ${previous}`,
        );
      }
      previous = when;
    });
    deployment.federation.forEach((claim, i) => {
      if (claim.value === "presumed-disabled" && claim.confidence !== "presumed") {
        const path = deployment.federation.length > 1 ? ["federation", i] : ["federation"];
        report(
          path,
          "presumed-disabled is an editorial presumption: write it as { value, sources, confidence: presumed }",
        );
      }
    });
  }
  return problems;
}

function unknownSourceMessage(ref: string, known: Set<string>): string {
  const suggestion = closestMatch(ref, [...known]);
  return `no source with id "${ref}" in this record's sources${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`;
}

/** Every place in a record that names source ids, with the YAML path of that list. */
function sourceReferences(data: Deployment | Product | PositionRecord): { path: PropertyKey[]; ids: string[] }[] {
  const refs: { path: PropertyKey[]; ids: string[] }[] = [];
  const claimRefs = (path: PropertyKey[], claims: { sources: string[] }[] | undefined, rawIsList: boolean) => {
    claims?.forEach((claim, i) =>
      refs.push({ path: rawIsList ? [...path, i, "sources"] : [...path, "sources"], ids: claim.sources }),
    );
  };
  const listOf = (path: PropertyKey[], items: { sources: string[] }[]) =>
    items.forEach((item, i) => refs.push({ path: [...path, i, "sources"], ids: item.sources }));

  if ("federation" in data) {
    for (const field of ["topology", "federation", "interoperability", "reach"] as const) {
      const claims = data[field];
      claimRefs([field], claims, (claims?.length ?? 0) > 1);
    }
    listOf(["status"], data.status);
    listOf(["users"], data.users);
    listOf(["approvals"], data.approvals);
  } else if ("licences" in data) {
    claimRefs(["protocol"], data.protocol, data.protocol.length > 1);
    claimRefs(["architecture"], data.architecture, data.architecture.length > 1);
    claimRefs(["licences", "client"], data.licences.client, data.licences.client.length > 1);
    claimRefs(["licences", "server"], data.licences.server, data.licences.server.length > 1);
  } else {
    listOf(["stances"], data.stances);
  }
  return refs;
}

/** A parsed file, valid or not: cross-record checks look at every file that is YAML at all. */
type ParsedFile = { collection: CollectionName; id: string; file: string; yaml: ParsedYaml };

const asString = (value: unknown) => (typeof value === "string" ? value : undefined);
const asList = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : []);
const field = (value: unknown, key: string) =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/**
 * Checks across records: unique ids and aliases, and references that must resolve.
 * They read the raw data defensively, so a file with schema errors still gets them.
 */
function crossRecordProblems(files: ParsedFile[]): Problem[] {
  const problems: Problem[] = [];
  const report = (parsed: ParsedFile, path: PropertyKey[], message: string) => {
    const found = findNode(parsed.yaml.document!, path);
    const at = positionOf(found.node ?? found.keyNode, parsed.yaml.lineCounter);
    problems.push(problemAt(parsed.file, at.line, at.column, fieldName(path), message));
  };
  const idsOf = (collection: CollectionName) => files.filter((f) => f.collection === collection).map((f) => f.id);

  for (const collection of Object.keys(collections) as CollectionName[]) {
    const owner = new Map(idsOf(collection).map((id) => [id, id]));
    for (const parsed of files.filter((f) => f.collection === collection)) {
      asList(field(parsed.yaml.data, "aliases")).forEach((alias, i) => {
        if (typeof alias !== "string") return;
        const taken = owner.get(alias);
        if (taken !== undefined) {
          report(parsed, ["aliases", i], `alias "${alias}" is already the id or an alias of ${collection}/${taken}`);
        } else owner.set(alias, parsed.id);
      });
    }
  }

  const productIds = idsOf("products");
  const deploymentIds = idsOf("deployments");
  const mustExist = (
    parsed: ParsedFile,
    path: PropertyKey[],
    ref: string | undefined,
    ids: string[],
    folder: string,
  ) => {
    if (ref === undefined || ids.includes(ref)) return;
    const suggestion = closestMatch(ref, ids);
    report(parsed, path, `no record data/${folder}/${ref}.yaml${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`);
  };
  for (const parsed of files) {
    const data = parsed.yaml.data;
    if (parsed.collection === "deployments") {
      const product = field(data, "product");
      const productId = asString(product) ?? asString(field(product, "value"));
      mustExist(parsed, asString(product) ? ["product"] : ["product", "value"], productId, productIds, "products");
      asList(field(data, "status")).forEach((step, i) => {
        const successor = asString(field(step, "supersededBy"));
        if (successor === parsed.id)
          report(parsed, ["status", i, "supersededBy"], "a deployment cannot supersede itself");
        else mustExist(parsed, ["status", i, "supersededBy"], successor, deploymentIds, "deployments");
      });
    } else if (parsed.collection === "products") {
      mustExist(parsed, ["basedOn"], asString(field(data, "basedOn")), productIds, "products");
    } else {
      asList(field(data, "stances")).forEach((stance, i) => {
        mustExist(parsed, ["stances", i, "product"], asString(field(stance, "product")), productIds, "products");
      });
    }
  }
  return problems;
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

function problemAt(file: string, line: number, column: number, field: string, message: string): Problem {
  return { file, line, column, field, message, severity: "error" };
}

/** Writes a path the way a contributor reads it: `status[1].date`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

/** One line per problem, as compilers print them: `file:line:col  field: message`. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const tag = problem.severity === "warning" ? "warning: " : "";
  return `${where}  ${tag}${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

/** The same problem as a GitHub Actions workflow command, so a pull request shows it on the line. */
export function githubAnnotation(problem: Problem): string {
  const escape = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (text: string) => escape(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const title = problem.field ? `,title=${property(problem.field)}` : "";
  return `::${problem.severity} file=${property(problem.file)},line=${problem.line},col=${problem.column}${title}::${escape(
    (problem.field ? `${problem.field}: ` : "") + problem.message,
  )}`;
}
