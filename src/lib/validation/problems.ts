/** A problem the validator reports, and the two ways it is printed: a compiler-style line and a GitHub annotation. */
import type { Severity } from "./rule.ts";
import { escapeUnsafe, plainOrQuoted, quote } from "./quoting.ts";

/** One thing wrong (or doubtful) in one file. */
export type Problem = {
  file: string;
  line: number;
  column: number;
  /** The field, written like `status[1].date`; empty for the file as a whole. */
  field: string;
  message: string;
  severity: Severity;
  /** Id of the rule that found it (see `rules/index.ts`). */
  rule: string;
};

/** Writes a path the way a contributor reads it: `status[1].date`; an unusual key is quoted, `["a b"]`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => {
      if (typeof segment === "number") return `[${segment}]`;
      const name = String(segment);
      if (!/^[A-Za-z_$][\w$-]*$/.test(name)) return `[${quote(name)}]`;
      return `${i === 0 ? "" : "."}${name}`;
    })
    .join("");
}

/** One line per problem, as compilers print them: `file:line:col  field: message`. */
export function formatProblem(problem: Problem): string {
  const where = `${plainOrQuoted(problem.file)}:${problem.line}:${problem.column}`;
  const tag = problem.severity === "warning" ? "warning: " : "";
  // Messages quote what records contain already; escaping the whole line again is the guarantee.
  return escapeUnsafe(`${where}  ${tag}${problem.field ? `${problem.field}: ` : ""}${problem.message}`);
}

/**
 * The same problem as a GitHub Actions workflow command, so a pull request shows it on the line.
 * Nothing from a record can end the command or start another: line breaks cannot occur (escaped
 * as `\n`, and `%0A` would be the only way GitHub reads one), and `:`/`,` are encoded in properties.
 */
export function githubAnnotation(problem: Problem): string {
  const data = (text: string) => escapeUnsafe(text).replace(/%/g, "%25");
  const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const title = problem.field ? `,title=${property(problem.field)}` : "";
  const message = (problem.field ? `${problem.field}: ` : "") + problem.message;
  return `::${problem.severity} file=${property(problem.file)},line=${problem.line},col=${problem.column}${title}::${data(message)}`;
}
