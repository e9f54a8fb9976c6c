/** A product: the messenger software a deployment runs (Threema Work, Stashcat, Element, …). */
import { z } from "zod";
import * as v from "./vocabulary.ts";
import { claim, licenceClaim } from "./claim.ts";
import { countryCode, freeText, isoDate, localizedText, recordId, source, sourceRef, webUrl } from "./common.ts";

/** A certification or approval of the product as a source states it, e.g. ANSSI CSPN. */
export const certification = z.strictObject({
  scheme: freeText("name").describe("The scheme and who runs it, e.g. ANSSI CSPN, BSI VS-NfD-Zulassung"),
  status: v.approvalStatus,
  asOf: isoDate.optional().describe("When the source dates it"),
  sources: z.array(sourceRef).min(1),
  confidence: v.confidence,
  note: localizedText("prose").optional(),
});

/** The schema of `data/products/<id>.yaml`. */
export const productSchema = z.strictObject({
  name: freeText("name"),
  aliases: z.array(recordId).default([]).describe("Former ids, so old links keep working"),
  vendor: claim(freeText("name")).optional().describe("Who makes it, as the sources name the company"),
  vendorCountry: claim(countryCode).optional().describe("Where the vendor is based, as an ISO 3166-1 code"),
  homepage: webUrl.optional().describe("Only an address a source gives"),
  basedOn: recordId.optional().describe("Id of the product this one is built on"),
  protocol: claim(v.protocol),
  protocolName: freeText("name").optional().describe("Name of a vendor's own protocol"),
  architecture: claim(v.architecture),
  licences: z.strictObject({
    client: licenceClaim,
    server: licenceClaim,
  }),
  selfHosting: claim(v.selfHosting).optional().describe("Whether an organisation can run it on servers of its own"),
  federationCapability: claim(v.federationCapability)
    .optional()
    .describe("Whether the product can federate at all, whatever a deployment switches on"),
  endToEndEncryption: claim(v.endToEndEncryption).optional().describe("Whether messages are end-to-end encrypted"),
  certifications: z.array(certification).default([]),
  summary: localizedText("prose"),
  openQuestions: z.array(localizedText("prose")).default([]),
  reviewed: isoDate
    .optional()
    .describe("Only when an editor checked the whole record against its sources: the day of that check"),
  sources: z.array(source).min(1),
});

/** A product after parsing. */
export type Product = z.output<typeof productSchema>;
