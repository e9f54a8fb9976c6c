/**
 * Turning zod's issues into findings a contributor can act on: placed on the key for a missing or
 * unknown field, on the value for a wrong one, with "did you mean" hints.
 */
import { isMap, isSeq } from "yaml";
import type { z } from "zod";
import type { Finding } from "./rule.ts";
import { closestMatch } from "./closest-match.ts";
import { fieldName } from "./problems.ts";
import { quote } from "./quoting.ts";
import { knownFieldsAt } from "./schema-fields.ts";
import { findNode, positionOf, type ParsedYaml } from "./yaml-source.ts";

type Issue = z.core.$ZodIssue;

/** The findings for one zod issue of a record checked against `schema`. */
export function issueFindings(
  issue: Issue,
  yaml: ParsedYaml,
  schema: z.ZodType,
  prefix: PropertyKey[] = [],
): Finding[] {
  const path = [...prefix, ...issue.path];
  const document = yaml.document;
  const at = (node: Parameters<typeof positionOf>[0]) => positionOf(node, yaml.lineCounter);
  if (issue.code === "invalid_union") {
    const input = findNode(document, path);
    const branch = pickUnionBranch(
      issue.errors,
      input.depth < path.length ? "missing" : isCollection(input.node) ? "collection" : "scalar",
    );
    return branch.flatMap((inner) => issueFindings(inner, yaml, schema, path));
  }
  if (issue.code === "unrecognized_keys") {
    const known = knownFieldsAt(schema, path);
    return issue.keys.map((key) => {
      const found = findNode(document, [...path, key]);
      const suggestion = closestMatch(key, known);
      const hint = suggestion ? ` (did you mean ${quote(suggestion)}?)` : "";
      return {
        position: at(found.keyNode ?? found.node),
        field: fieldName([...path, key]),
        message: `unknown field${hint}`,
      };
    });
  }
  const found = findNode(document, path);
  if (found.depth === path.length - 1 && isMap(found.node)) {
    const parent = findNode(document, path.slice(0, -1));
    return [
      {
        position: at(parent.keyNode ?? parent.node),
        field: fieldName(path),
        message: `missing required field ${quote(String(path.at(-1)))}`,
      },
    ];
  }
  return [
    {
      position: at(found.node ?? found.keyNode),
      field: fieldName(path.slice(0, found.depth)),
      message: issueMessage(issue, found.node),
    },
  ];
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
      `expected one of ${allowed.join(", ")}; got ${describeValue(got, false)}` +
      (suggestion ? ` (did you mean ${quote(suggestion)}?)` : "")
    );
  }
  if (issue.code === "invalid_type") {
    return `expected ${issue.expected}, got ${describeValue(got, true)}`;
  }
  if (issue.code === "too_small" && issue.origin === "array") {
    return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}`;
  }
  return issue.message;
}

function describeValue(value: unknown, withType: boolean): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  const shown = typeof value === "string" ? quote(value) : String(value);
  return withType ? `${typeof value} ${shown}` : shown;
}
