/**
 * A claim: one value of a key comparison field, with the sources that back it.
 * A bare value is the short form; a list of claims records disagreeing sources side by side.
 */
import { z } from "zod";
import { confidence } from "./vocabulary.ts";
import { isoDate, localizedText, sourceRef } from "./common.ts";

const claimNote = localizedText("prose");

/** The sourced long form of a claim for `value`. */
export function sourcedClaim<T extends z.ZodType>(value: T) {
  return z
    .strictObject({
      value,
      sources: z.array(sourceRef).describe("Ids of this record's sources that back the value"),
      confidence: confidence.describe("How well the sources back the value"),
      asOf: isoDate.optional().describe("When the value was true, if the sources say"),
      note: claimNote.optional(),
    })
    .refine(
      (claim) => claim.sources.length > 0 || claim.confidence === "unattributed" || claim.confidence === "unknown",
      { path: ["sources"], message: "name at least one source, or write the bare value" },
    );
}

/**
 * A field that accepts `value`, `{ value, sources, confidence }`, or a list of the latter,
 * and always yields a list of sourced claims (a bare value becomes `unattributed`).
 */
export function claim<T extends z.ZodType>(value: T) {
  const sourced = sourcedClaim(value);
  return z.union([value, sourced, z.array(sourced).min(1)]).transform((input): z.output<typeof sourced>[] => {
    if (Array.isArray(input)) return input as z.output<typeof sourced>[];
    if (typeof input === "object" && input !== null && "value" in input && "confidence" in input)
      return [input as z.output<typeof sourced>];
    return [{ value: input, sources: [], confidence: "unattributed" } as z.output<typeof sourced>];
  });
}

/** The normalized form every claim field takes after parsing. */
export type Claim<T> = {
  value: T;
  sources: string[];
  confidence: z.output<typeof confidence>;
  asOf?: string;
  note?: z.output<typeof claimNote>;
};
