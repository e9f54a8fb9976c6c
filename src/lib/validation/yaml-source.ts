/**
 * Reading one record file with the `yaml` package, keeping positions so that every
 * problem can be reported at its line and column. Everything here is linear in the file's size.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { Document, Node, Pair, YAMLError, YAMLMap } from "yaml";

/** A place in a file, 1-based like an editor shows it. */
export type Position = { line: number; column: number };

/** A record file parsed with positions, what stands in the way of reading it as data, and the data. */
export type ParsedYaml = {
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** What the parser refused: syntax, tabs for indentation, and the like. */
  errors: YAMLError[];
  /** Keys that appear a second time in the same map. */
  duplicateKeys: Node[];
  /** Anchors (`&name`) and aliases (`*name`), which records never need. */
  anchors: Node[];
  aliases: Node[];
  /** What the document holds at its top. */
  contents: "nothing" | "map" | "other";
  /** The record as plain data, when the file is a clean YAML map; otherwise undefined. */
  data: Record<string, unknown> | undefined;
  /** A quicker way to the position of a path, where a reading has one (fast-yaml.ts); undefined where it cannot tell. */
  locate?: (path: readonly PropertyKey[]) => Position | undefined;
};

/** Parses YAML text (line breaks already `\n`). */
export function parseYamlWithPositions(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // The parser's own duplicate-key check compares each key with all before it (quadratic); ours is linear.
  const document = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    version: "1.2",
    schema: "core",
  });
  const duplicateKeys: Node[] = [];
  const anchors: Node[] = [];
  const aliases: Node[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // Compared as the plain data will have them: `1` and "1" are the same key there.
        const key = isScalar(pair.key) ? String(pair.key.value) : pair.key;
        if (seen.has(key)) duplicateKeys.push(pair.key as Node);
        seen.add(key);
      }
    },
    Alias(_key, node) {
      aliases.push(node);
    },
    Node(_key, node) {
      if ("anchor" in node && node.anchor) anchors.push(node);
    },
  });
  const top = document.contents;
  const contents =
    top === null || text.trim() === "" || (isScalar(top) && (top.value === null || top.value === ""))
      ? "nothing"
      : isMap(top)
        ? "map"
        : "other";
  const clean = document.errors.length === 0 && duplicateKeys.length === 0 && anchors.length + aliases.length === 0;
  const data =
    clean && contents === "map" ? (document.toJS({ maxAliasCount: 0 }) as Record<string, unknown>) : undefined;
  return { document, lineCounter, errors: document.errors, duplicateKeys, anchors, aliases, contents, data };
}

/** How far a path reaches into a document: the deepest node found and, for map entries, its key. */
export type NodeLookup = {
  node: Node | undefined;
  keyNode: Node | undefined;
  /** Number of path segments that matched existing nodes. */
  depth: number;
};

// Each map's pairs by key, built on first lookup, so that finding many keys in one big map stays linear.
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: PropertyKey): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name !== undefined && !index.has(name)) index.set(name, pair);
    }
    pairsByKey.set(map, index);
  }
  return index.get(String(key));
}

/** Walks `path` through the document as far as it exists. */
export function findNode(document: Document.Parsed, path: readonly PropertyKey[]): NodeLookup {
  let node = document.contents as Node | null;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node, segment);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      keyNode = undefined;
      node = node.items[segment] as Node | null;
    } else {
      break;
    }
    depth += 1;
    if (node === null || isAlias(node)) break;
  }
  return { node: node ?? undefined, keyNode, depth };
}

/** The start of a node as a line/column position. */
export function positionOf(node: Node | undefined, lineCounter: LineCounter): Position {
  return positionAt(node?.range?.[0] ?? 0, lineCounter);
}

/** A character offset as a line/column position. */
export function positionAt(offset: number, lineCounter: LineCounter): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Where the value at `path` is, or its key when the value is missing, or the deepest part that exists. */
export function positionOfPath(yaml: ParsedYaml, path: readonly PropertyKey[]): Position {
  const located = yaml.locate?.(path);
  if (located) return located;
  const found = findNode(yaml.document, path);
  return positionOf(found.node ?? found.keyNode, yaml.lineCounter);
}
