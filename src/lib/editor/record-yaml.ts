/**
 * Writing a record as a YAML file in the house style of data/: the schema comment line first, keys
 * in the order given (the schema's, for a new record), lists of plain values on one line
 * (`sources: [a, b]`), dates in double quotes, no line folding. An opened record is written by
 * changing its parsed document only where the data changed, so everything else keeps the
 * author's layout (quoted text with escapes may come out spelled differently, with the same
 * value), and an unchanged record comes out byte for byte as it was read.
 */
import { Document, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { Node, ToStringOptions } from "yaml";
import type { CollectionName } from "../../schema/index.ts";
import { schemaComment } from "../validation/rules/schema-comment.ts";

const documentOptions = { version: "1.2", schema: "core" } as const;
const outputOptions: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true };
const dateLike = /^\d{4}(-\d{2}){0,2}$/;

/** A flow sequence written `[a, b]` while flow maps keep their padding, `{ de: …, en: … }`, as the records have them. */
class TightFlowSeq extends YAMLSeq {
  override toString(...args: Parameters<YAMLSeq["toString"]>): string {
    const [ctx, ...rest] = args;
    return super.toString(ctx && this.flow ? { ...ctx, flowCollectionPadding: "" } : ctx, ...rest);
  }
}

function tightenFlowSeqs(node: Document | Node): void {
  visit(node, {
    Seq(_key, seq) {
      if (seq.flow) Object.setPrototypeOf(seq, TightFlowSeq.prototype);
    },
  });
}

const isPlainValue = (value: unknown) => value === null || typeof value !== "object";

/** A new node for `value` in the house style. */
function houseNode(doc: Document, value: unknown): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map((item) => houseNode(doc, item));
    if (value.length > 0 && value.every(isPlainValue)) seq.flow = true;
    tightenFlowSeqs(seq);
    return seq;
  }
  if (value !== null && typeof value === "object") {
    const map = new YAMLMap();
    for (const [key, item] of Object.entries(value)) map.add(doc.createPair(key, houseNode(doc, item)));
    return map;
  }
  const scalar = doc.createNode(value);
  if (isScalar(scalar) && typeof value === "string" && dateLike.test(value)) scalar.type = "QUOTE_DOUBLE";
  return scalar;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Equal as records: the same values, whatever the order of keys in a map. */
function sameRecord(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameRecord(item, b[i]))
    );
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameRecord((a as never)[key], (b as never)[key]))
    );
  }
  return a === b;
}

/** `node` changed as little as it takes to hold `value`: unchanged parts are the very same nodes. */
function reconcile(doc: Document, node: unknown, value: unknown): unknown {
  const current = node && typeof node === "object" && "toJSON" in node ? (node as Node).toJSON() : node;
  if (same(current, value)) return node;
  if (isMap(node) && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    node.items = node.items.filter((pair) => isScalar(pair.key) && Object.hasOwn(value, String(pair.key.value)));
    const indexOf = (key: string) => node.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
    entries.forEach(([key, item], position) => {
      const at = indexOf(key);
      if (at >= 0) {
        node.items[at]!.value = reconcile(doc, node.items[at]!.value, item);
        return;
      }
      // A new key goes after the nearest key before it in `value` that the map has.
      const before = entries
        .slice(0, position)
        .map(([name]) => indexOf(name))
        .filter((index) => index >= 0);
      node.items.splice(before.length > 0 ? Math.max(...before) + 1 : 0, 0, doc.createPair(key, houseNode(doc, item)));
    });
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = value.map((item, i) =>
      i < node.items.length ? reconcile(doc, node.items[i], item) : houseNode(doc, item),
    );
    return node;
  }
  if (isScalar(node) && isPlainValue(value) && typeof node.value === typeof value) {
    node.value = value;
    return node;
  }
  return houseNode(doc, value);
}

/**
 * The YAML file of a record of `collection` holding `data`. Given the file it was opened from,
 * only what changed is rewritten; an unchanged record gives back `original` exactly.
 */
export function recordYaml(collection: CollectionName, data: Record<string, unknown>, original?: string): string {
  if (original !== undefined) {
    const doc: Document = parseDocument(original, documentOptions);
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      // Unchanged, the file is given back as it was read: the document would spell escapes
      // (`\u2067`, `\n` in quotes) its own way, which is the same record but not the same bytes.
      if (sameRecord(doc.toJS(), data)) return original;
      tightenFlowSeqs(doc);
      // The comment above the first key heads the file, whichever key comes first after the change.
      const firstKey = doc.contents.items[0]?.key;
      const heading = isScalar(firstKey) ? firstKey.commentBefore : undefined;
      if (isScalar(firstKey)) firstKey.commentBefore = undefined;
      const contents = reconcile(doc, doc.contents, data) as YAMLMap;
      contents.commentBefore = heading ?? contents.commentBefore;
      doc.contents = contents;
      return doc.toString(outputOptions);
    }
  }
  const doc = new Document(null, documentOptions);
  const contents = houseNode(doc, data);
  contents.commentBefore = ` ${schemaComment(collection).slice(1).trimStart()}`;
  doc.contents = contents;
  return doc.toString(outputOptions);
}
