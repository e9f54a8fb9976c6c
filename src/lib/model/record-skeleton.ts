/**
 * A new record's skeleton: a file that validates as it is, with every required field present,
 * "unknown" wherever the vocabulary has it, and a comment on each line a contributor must fill
 * in. Nothing in it is a fact: the placeholders say so, and the summary says what to write.
 */
import { Document, isScalar } from "yaml";
import type { CollectionName } from "../../schema/index.ts";

/** What a skeleton can be told up front. */
export type SkeletonOptions = {
  /** The day the file is written, YYYY-MM-DD: its `reviewed` date until an editor checks it. */
  today: string;
  /** A product id for a deployment; `product-not-named` (the registry's record for "not named by any source") otherwise. */
  product?: string;
};

const fill = "FILL IN";

/** The skeleton's fields, in the order the house style writes them, with a comment for each one to fill in. */
function fields(collection: CollectionName, id: string, options: SkeletonOptions): [string, unknown, string?][] {
  const prefix = id.split("-")[0]!;
  const country = /^[a-z]{2}$/.test(prefix) ? prefix.toUpperCase() : undefined;
  const source = [{ id: "source-1", kind: "official", publisher: fill }];
  switch (collection) {
    case "deployments":
      return [
        country
          ? ["country", country, "ISO 3166-1 code, taken from the id; for an international body use organisation"]
          : ["organisation", fill, "the international organisation, e.g. NATO"],
        ["level", "national", "international, national, state, local or institution"],
        ["sectors", ["administration"], "e.g. police, schools, ministries"],
        ["authorities", [{ name: fill }], "the body's name as it calls itself"],
        ["product", options.product ?? "product-not-named", "id of a file in data/products/"],
        ["federation", "unknown", "with a source: { value, sources: [source-1], confidence }"],
        ["status", [{ status: "unknown" }], "oldest first, each with a date from a source"],
        ["summary", fill, "a short summary in your own words"],
        ["reviewed", options.today],
        ["sources", source, "publisher, title, date and url as the source shows them"],
      ];
    case "products":
      return [
        ["name", fill, "the product's name"],
        ["protocol", "unknown", "xmpp, matrix or vendor, with a source"],
        ["architecture", "unknown", "central, federated or peer-to-peer, with a source"],
        ["licences", { client: "unknown", server: "unknown" }, "free or proprietary, with a source"],
        ["summary", fill, "a short summary in your own words"],
        ["reviewed", options.today],
        ["sources", source, "publisher, title, date and url as the source shows them"],
      ];
    case "positions":
      return [
        ["title", fill, "the document's title"],
        ["issuer", { name: fill, ...(country ? { country } : {}) }, "who issued it"],
        ["kind", "recommendation", "recommendation, ruling, statement, …"],
        ["scope", fill, "whom it addresses"],
        ["summary", fill, "a short summary in your own words"],
        ["reviewed", options.today],
        ["sources", source, "publisher, title, date and url as the source shows them"],
      ];
  }
}

/** The text of a new record file: the schema line the editors' YAML support reads, then the skeleton. */
export function recordSkeleton(collection: CollectionName, id: string, options: SkeletonOptions): string {
  const document = new Document({});
  for (const [key, value, comment] of fields(collection, id, options)) {
    const node = document.createPair(key, value);
    // A scalar takes its comment at the line's end; a list or map above its key.
    if (comment && isScalar(node.value)) node.value.comment = ` ${comment}`;
    else if (comment && isScalar(node.key)) node.key.commentBefore = ` ${comment}`;
    (document.contents as { items: unknown[] }).items.push(node);
  }
  const text = document.toString({ lineWidth: 0 }).replace(/^reviewed: (\S+)$/m, 'reviewed: "$1"');
  const schema = `../../public/schema/${collection.replace(/s$/, "")}.schema.json`;
  return `# yaml-language-server: $schema=${schema}\n${text}`;
}
