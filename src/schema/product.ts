/** A product: the messenger software a deployment runs (Threema Work, Stashcat, Element, …). */
import { z } from "zod";
import * as v from "./vocabulary.ts";
import { claim } from "./claim.ts";
import { countryCode, freeText, isoDate, localizedText, recordId, source, webUrl } from "./common.ts";

/** The schema of `data/products/<id>.yaml`. */
export const productSchema = z.strictObject({
  name: freeText("name"),
  aliases: z.array(recordId).default([]).describe("Former ids, so old links keep working"),
  vendor: freeText("name").optional().describe("Who makes it"),
  vendorCountry: countryCode.optional(),
  homepage: webUrl.optional().describe("Only an address a source gives"),
  basedOn: recordId.optional().describe("Id of the product this one is built on"),
  protocol: claim(v.protocol),
  protocolName: freeText("name").optional().describe("Name of a vendor's own protocol"),
  architecture: claim(v.architecture),
  licences: z.strictObject({
    client: claim(v.licence),
    server: claim(v.licence),
  }),
  summary: localizedText("prose"),
  openQuestions: z.array(localizedText("prose")).default([]),
  reviewed: isoDate,
  sources: z.array(source).min(1),
});

/** A product after parsing. */
export type Product = z.output<typeof productSchema>;
