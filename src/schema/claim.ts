/**
 * A claim: one value of a key comparison field, with the sources that back it.
 * A bare value is the short form; a list of claims records disagreeing sources side by side,
 * or values that followed each other in time (each with the dates it held).
 *
 * Rules between a claim's fields (presumedBy only with presumed, from/until/asOf in order, a licence's
 * class agreeing with its SPDX expression) are validator rules in src/lib/validation/rules/.
 */
import { z } from "zod";
import { confidence, licence, presumedBy } from "./vocabulary.ts";
import { licenceOfSpdx, spdxExpression } from "./licence.ts";
import { isoDate, localizedText, sourceRef } from "./common.ts";

const claimNote = localizedText("prose");

/** The fields every sourced claim has besides its value. */
const claimFields = {
  sources: z.array(sourceRef).describe("Ids of this record's sources that back the value"),
  confidence: confidence.describe("How well the sources back the value"),
  presumedBy: presumedBy
    .optional()
    .describe(
      "With confidence presumed: whose presumption it is, the cited article's or the editors' (reasoning in note)",
    ),
  asOf: isoDate
    .optional()
    .describe("A day on which the sources show the value true; with from: the last day they show it still true"),
  from: isoDate.optional().describe("When the value began to hold, if the sources say"),
  until: isoDate.optional().describe("When the value stopped holding, if the sources say"),
  note: claimNote.optional(),
};

function hasSources(claim: { sources: string[]; confidence: string }): boolean {
  return claim.sources.length > 0 || claim.confidence === "unattributed" || claim.confidence === "unknown";
}
const sourcesMessage = { path: ["sources"], message: "name at least one source, or write the bare value" };

/** The sourced long form of a claim for `value`. */
export function sourcedClaim<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, ...claimFields }).refine(hasSources, sourcesMessage);
}

/**
 * A field that accepts a bare value, one sourced claim, or a list of them, and always yields a
 * list of sourced claims (a bare value becomes `unattributed`).
 */
function claimList<V extends z.ZodType, S extends z.ZodType>(value: V, sourced: S) {
  return z.union([value, sourced, z.array(sourced).min(1)]).transform((input): z.output<S>[] => {
    if (Array.isArray(input)) return input as z.output<S>[];
    if (typeof input === "object" && input !== null && "confidence" in input) return [input as z.output<S>];
    return [{ value: input, sources: [], confidence: "unattributed" } as z.output<S>];
  });
}

/**
 * A field that accepts `value`, `{ value, sources, confidence }`, or a list of the latter,
 * and always yields a list of sourced claims (a bare value becomes `unattributed`).
 */
export function claim<T extends z.ZodType>(value: T) {
  return claimList(value, sourcedClaim(value));
}

/**
 * A licence claim's long form: the licence class, the licence by its SPDX expression, or both.
 * Where the expression names licences the registry knows, the class follows from it (the
 * `licence-spdx` rule reports a class that is missing or disagrees).
 */
const sourcedLicenceClaim = z
  .strictObject({
    value: licence
      .optional()
      .describe("free, open-core, source-available or proprietary; follows from spdx if omitted"),
    spdx: spdxExpression.optional().describe("The licence as an SPDX expression, e.g. AGPL-3.0-or-later"),
    ...claimFields,
  })
  .refine(hasSources, sourcesMessage)
  .transform(({ value, ...claim }) => ({
    ...claim,
    value: (value ?? (claim.spdx === undefined ? undefined : licenceOfSpdx(claim.spdx)) ?? "unknown") as z.output<
      typeof licence
    >,
  }));

/** A licence field: like `claim(licence)`, with the licence's SPDX expression on each claim. */
export const licenceClaim = claimList(licence, sourcedLicenceClaim);

/** The normalized form every claim field takes after parsing. */
export type Claim<T> = {
  value: T;
  sources: string[];
  confidence: z.output<typeof confidence>;
  /** With confidence `presumed`: whose presumption it is. */
  presumedBy?: z.output<typeof presumedBy>;
  asOf?: string;
  from?: string;
  until?: string;
  /** On licence claims: the licence as an SPDX expression. */
  spdx?: string;
  note?: z.output<typeof claimNote>;
};
