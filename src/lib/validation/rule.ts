/**
 * The one shape of a validator rule: an id, a severity, what it checks, and the check. The id names
 * the rule's file in `rules/` and its invalid fixture in `test/fixtures/invalid/<collection>/<id>*.yaml`.
 *
 * Rules differ only in what they look at, which is how far a file has been read:
 *   entry     a folder entry, before reading (only a regular .yaml file within the size cap is read)
 *   bytes     the file's bytes (encoding)
 *   document  the file parsed as YAML, with positions
 *   record    one record as raw data, whether or not it passes its schema, so one run reports all
 *   registry  all records together (unique ids, references that must resolve), each seen as its
 *             aliases and references only
 */
import type { z } from "zod";
import type { CollectionName } from "../../schema/index.ts";
import type { RecordEntry } from "./record-files.ts";
import type { ParsedYaml, Position } from "./yaml-source.ts";

export type { RecordEntry };

/** An error stops the build; a warning is printed and lets it pass. */
export type Severity = "error" | "warning";

/** One problem a rule found: what, and where. */
export type Finding = {
  message: string;
  /** The field concerned; the problem is placed on its value, or on its key when the value is missing. */
  path?: readonly PropertyKey[];
  /** A place given directly, for problems not tied to one field or placed otherwise than `path` would. */
  position?: Position;
  /** The field name shown, when it is not simply `path`. */
  field?: string;
};

/** A file to be read as a record: its collection, the id its name gives, and where it is shown. */
export type RecordFile = { collection: CollectionName; id: string; file: string };

/** A record file's bytes. */
export type RecordBytes = RecordFile & { bytes: Uint8Array };

/** A record file's text parsed as YAML. */
export type RecordDocument = RecordFile & { text: string; yaml: ParsedYaml };

/** A record file that is a YAML map: its raw data, and what its collection's schema said about it. */
export type RecordData = RecordDocument & {
  data: Record<string, unknown>;
  schemaResult: z.ZodSafeParseResult<unknown>;
};

/**
 * A record as the registry rules see it: of its data only its aliases and references, at their
 * places (`registryView` in references.ts), so its check can be kept or made in another thread.
 */
export type RegistryRecord = RecordFile & { data: Record<string, unknown>; yaml: ParsedYaml };

/** Everything the registry rules see: every folder entry and every record that is a YAML map. */
export type RegistryInput = { entries: RecordEntry[]; records: RegistryRecord[] };

/** A finding of a registry rule names the file it is in. */
export type RegistryFinding = Finding & { in: { file: string; yaml?: ParsedYaml } };

type RuleOn<Scope extends string, Input, Found = Finding> = {
  /** Lowercase words joined by hyphens, e.g. `source-reference`. */
  id: string;
  severity: Severity;
  /** What the rule checks, in one sentence a contributor understands. */
  description: string;
  scope: Scope;
  check(input: Input): Iterable<Found>;
};

/** A validator rule, by the stage it runs in. */
export type Rule =
  | RuleOn<"entry", RecordEntry>
  | RuleOn<"bytes", RecordBytes>
  | RuleOn<"document", RecordDocument>
  | RuleOn<"record", RecordData>
  | RuleOn<"registry", RegistryInput, RegistryFinding>;

/** The rules of one stage. */
export type RuleIn<Scope extends Rule["scope"]> = Extract<Rule, { scope: Scope }>;
