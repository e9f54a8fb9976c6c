/** A position: a recommendation or ruling about messengers by an authority or other body. */
import { z } from "zod";
import * as v from "./vocabulary.ts";
import { countryCode, isoDate, localizedText, recordId, regionCode, source, sourceRef } from "./common.ts";

/** What a position says about one subject (a product, a protocol, a kind of software). */
export const stance = z.strictObject({
  subject: localizedText("name").describe("What the verdict is about, e.g. WhatsApp, open protocols"),
  product: recordId.optional().describe("Id of the product, when the subject is one"),
  protocol: v.protocol.optional(),
  verdict: v.verdict,
  note: localizedText("prose").optional().describe("A qualifier the source adds, in your own words"),
  sources: z.array(sourceRef).default([]),
  confidence: v.confidence.default("unattributed"),
  presumedBy: v.presumedBy.optional().describe("With confidence presumed: whose presumption it is"),
});

/** The schema of `data/positions/<id>.yaml`. */
export const positionSchema = z.strictObject({
  title: localizedText("name"),
  aliases: z.array(recordId).default([]),
  issuer: z.strictObject({
    name: localizedText("name"),
    country: countryCode.optional(),
    region: regionCode.optional(),
  }),
  kind: v.positionKind,
  date: isoDate.optional().describe("When it was issued; omit if no source dates it"),
  scope: localizedText("prose").describe("Whom it addresses"),
  sectors: z.array(v.sector).default([]),
  stances: z.array(stance).default([]),
  summary: localizedText("prose"),
  openQuestions: z.array(localizedText("prose")).default([]),
  reviewed: isoDate
    .optional()
    .describe("Only when an editor checked the whole record against its sources: the day of that check"),
  sources: z.array(source).min(1),
});

/** A position after parsing. */
export type Position = z.output<typeof positionSchema>;
