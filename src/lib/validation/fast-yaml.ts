/**
 * A fast first reading of a record file for the registry walker. The `yaml` package keeps every
 * node's position, which makes it the slowest part of validating (about 0.6 ms per record);
 * js-yaml reads plain YAML about seven times faster but keeps no positions.
 *
 * So the walker reads each file with js-yaml first, and only where both parsers are known to read
 * the text alike: maps, lists and scalars, with the scalar types of YAML 1.2's core schema exactly
 * as the `yaml` package resolves them. Anything else (tags, anchors, directives, tabs, unusual
 * keys, anything js-yaml refuses) is left to `yaml`. A file in which any rule finds a problem is
 * read again with `yaml`, so problems, positions and verdicts are always `yaml`'s own
 * (validate-registry.ts); test/unit/fast-yaml.test.ts compares the two readings.
 */
import { FAILSAFE_SCHEMA, Type, load } from "js-yaml";
import { parseYamlWithPositions, type ParsedYaml } from "./yaml-source.ts";
import { plainPositions } from "./plain-positions.ts";

// The core schema's scalars as the `yaml` package resolves them (yaml/dist/schema/core and
// common/null.js): the same patterns, tried in the same order, giving the same values. js-yaml
// keeps one type per tag, so each tag's patterns are tried in one type.
// `starts` holds every first character the patterns allow: most scalars are words, and one look
// at their first character rules out the other types (the empty text is left to the patterns).
type Form = [pattern: RegExp, value: (text: string) => unknown];
const scalar = (tag: string, starts: string, forms: Form[]) => {
  const formOf = (text: string | null) => forms.find(([pattern]) => pattern.test(text ?? ""));
  const mayBe = (text: string | null) => !text || starts.includes(text[0]!);
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (text: string | null) => mayBe(text) && formOf(text) !== undefined,
    construct: (text: string | null) => formOf(text)![1](text ?? ""),
  });
};

const coreSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar("null", "~nN", [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar("bool", "tTfF", [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === "t" || text[0] === "T"]]),
    scalar("int", "-+0123456789", [
      [/^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)],
    ]),
    scalar("float", "-+.0123456789", [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (text) => (text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
    ]),
  ],
});

/**
 * What the fast reading leaves to `yaml`: tags (`!`), anchors and aliases (`&`, `*`) where a node
 * starts, directives and document markers, merge keys, complex keys (`?`), tabs, a byte order
 * mark, and control characters or line breaks other than `\n`. (Separate tests, each fast to fail.)
 */
const beyondPlainYaml = [
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/,
  /(?:^|[\s[\]{},])[!&*][^\s]/,
  /^(?:%|---(?:\s|$)|\.\.\.(?:\s|$))/m,
  /^[ -]*\?(?:\s|$)/m,
  /<</,
];

// Field names are words; any other key (empty, `null`, a number, a list) is left to `yaml`,
// which turns some of them into object keys differently.
const plainKey = /^[A-Za-z][A-Za-z0-9_-]*$/;
const nullWord = /^(?:null|Null|NULL)$/;

/** True if every map in `value` is a plain object whose keys are plain words, however deep. */
function plainData(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainData);
  if (value === null || typeof value !== "object") return true;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (!plainKey.test(key) || nullWord.test(key)) return false;
    if (!plainData((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * A record read without positions, and the same text read with them, made when first asked for.
 * The reading finds the position of a value from the lines where it can (plain-positions.ts), so
 * that placing a warning seldom needs the reading with positions.
 */
export type PlainReading = { reading: ParsedYaml; withPositions: () => ParsedYaml };

/**
 * The record in `text` (line breaks already `\n`) read with js-yaml, when the text is plain YAML
 * holding a map; undefined when it is for `yaml` to read. The reading looks like `yaml`'s
 * (`parseYamlWithPositions`): no errors, duplicate keys, anchors or aliases, a map at the top; its
 * document and line counter are `yaml`'s, made only when a position is asked for.
 */
export function readPlainYaml(text: string): PlainReading | undefined {
  if (beyondPlainYaml.some((pattern) => pattern.test(text))) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: coreSchema });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || !plainData(data)) return undefined;
  if (Object.keys(data).length === 0) return undefined;
  let full: ParsedYaml | undefined;
  const withPositions = () => (full ??= parseYamlWithPositions(text));
  let locate: ParsedYaml["locate"];
  const reading: ParsedYaml = {
    get document() {
      return withPositions().document;
    },
    get lineCounter() {
      return withPositions().lineCounter;
    },
    errors: [],
    duplicateKeys: [],
    anchors: [],
    aliases: [],
    contents: "map",
    data: data as Record<string, unknown>,
    locate: (path) => (locate ??= plainPositions(text, data))(path),
  };
  return { reading, withPositions };
}
