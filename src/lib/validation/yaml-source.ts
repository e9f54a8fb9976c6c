/**
 * Reading one record file with the `yaml` package, keeping positions so that every
 * problem can be reported at its line and column.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { Document, Node, Pair } from "yaml";

/** A place in a file, 1-based like an editor shows it. */
export type Position = { line: number; column: number };

/** A record file parsed with positions, or the reasons it could not be parsed. */
export type ParsedYaml = {
  data: unknown;
  document: Document.Parsed | undefined;
  lineCounter: LineCounter;
  syntaxProblems: { position: Position; message: string }[];
};

/** Parses YAML text; reports syntax errors, tabs, duplicate keys, anchors/aliases and empty files. */
export function parseYamlWithPositions(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const syntaxProblems: ParsedYaml["syntaxProblems"] = [];
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const document = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    version: "1.2",
    schema: "core",
  });
  for (const error of document.errors) {
    const message = error.message.split("\n")[0] ?? error.message;
    syntaxProblems.push({ position: at(error.pos[0]), message: `YAML: ${describeYamlError(error.code, message)}` });
  }
  // Records never need anchors or aliases; refusing them also rules out alias bombs.
  visit(document, {
    Alias(_key, node) {
      syntaxProblems.push({
        position: at(node.range?.[0] ?? 0),
        message: "YAML: aliases (*name) are not allowed in records; write the value out",
      });
    },
    Node(_key, node) {
      if ("anchor" in node && node.anchor) {
        syntaxProblems.push({
          position: at(node.range?.[0] ?? 0),
          message: "YAML: anchors (&name) are not allowed in records",
        });
      }
    },
  });
  if (syntaxProblems.length > 0) return { data: undefined, document, lineCounter, syntaxProblems };
  if (document.contents === null || text.trim() === "" || isOnlyComments(document)) {
    syntaxProblems.push({ position: { line: 1, column: 1 }, message: "file is empty: a record needs fields" });
    return { data: undefined, document, lineCounter, syntaxProblems };
  }
  if (!isMap(document.contents)) {
    syntaxProblems.push({
      position: at(document.contents.range?.[0] ?? 0),
      message: "a record must be a map of fields (key: value), not a list or a single value",
    });
    return { data: undefined, document, lineCounter, syntaxProblems };
  }
  return { data: document.toJS({ maxAliasCount: 0 }), document, lineCounter, syntaxProblems };
}

function isOnlyComments(document: Document.Parsed): boolean {
  const contents = document.contents;
  return isScalar(contents) && (contents.value === null || contents.value === "");
}

function describeYamlError(code: string, message: string): string {
  if (code === "TAB_AS_INDENT") return "tabs are not allowed for indentation; use spaces";
  if (code === "DUPLICATE_KEY") return "duplicate key: each field may appear only once";
  // The parser notices an unclosed [ or { only on a later line; point the reader back up.
  if (/^Flow (sequence|mapping)/.test(message)) return `${message} (look for an unclosed bracket above)`;
  return message;
}

/** How far a path reaches into a document: the deepest node found and, for map entries, its key. */
export type NodeLookup = {
  node: Node | undefined;
  keyNode: Node | undefined;
  /** Number of path segments that matched existing nodes. */
  depth: number;
};

/** Walks `path` through the document as far as it exists. */
export function findNode(document: Document.Parsed, path: readonly PropertyKey[]): NodeLookup {
  let node = document.contents as Node | null;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item: Pair) => isScalar(item.key) && item.key.value === segment);
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
  const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
  return { line, column: col };
}
