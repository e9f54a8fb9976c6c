/**
 * A claim: one value of a key comparison field, with the sources that back it.
 * A bare value is the short form; a list of claims records disagreeing sources side by side,
 * or values that followed each other in time (each with the dates it held).
 */
import { z } from "zod";
import { confidence, licence, presumedBy } from "./vocabulary.ts";
import { licenceOfSpdx, spdxExpression } from "./licence.ts";
import { earliestDay, isoDate, latestDay, localizedText, sourceRef } from "./common.ts";

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
  note: localizedText.optional(),
};

/**
 * `presumedBy` says whose a presumption is, and goes with confidence `presumed` only. That every
 * presumption in data/ names its owner is checked on the registry's records (test/unit/real-data).
 */
export function presumptionRule(item: { confidence: string; presumedBy?: string }, ctx: z.RefinementCtx) {
  if (item.confidence !== "presumed" && item.presumedBy !== undefined) {
    ctx.addIssue({ code: "custom", path: ["presumedBy"], message: "presumedBy goes with confidence presumed only" });
  }
}

/** The rules every sourced claim keeps, whatever its value. */
function claimRules(
  claim: { sources: string[]; confidence: string; presumedBy?: string; asOf?: string; from?: string; until?: string },
  ctx: z.RefinementCtx,
) {
  presumptionRule(claim, ctx);
  if (claim.sources.length === 0 && claim.confidence !== "unattributed" && claim.confidence !== "unknown") {
    ctx.addIssue({ code: "custom", path: ["sources"], message: "name at least one source, or write the bare value" });
  }
  if (claim.from !== undefined && claim.until !== undefined && earliestDay(claim.until) < earliestDay(claim.from)) {
    ctx.addIssue({ code: "custom", path: ["until"], message: `until ${claim.until} lies before from ${claim.from}` });
  }
  if (claim.asOf !== undefined && claim.from !== undefined && latestDay(claim.asOf) < earliestDay(claim.from)) {
    ctx.addIssue({ code: "custom", path: ["asOf"], message: `asOf ${claim.asOf} lies before from ${claim.from}` });
  }
  if (claim.asOf !== undefined && claim.until !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["asOf"],
      message: "give until (when it stopped) or asOf (seen on that day), not both",
    });
  }
}

/** The sourced long form of a claim for `value`. */
export function sourcedClaim<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, ...claimFields }).superRefine(claimRules);
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
 * Where the expression names licences the registry knows, the class follows from it.
 */
const sourcedLicenceClaim = z
  .strictObject({
    value: licence
      .optional()
      .describe("free, open-core, source-available or proprietary; follows from spdx if omitted"),
    spdx: spdxExpression.optional().describe("The licence as an SPDX expression, e.g. AGPL-3.0-or-later"),
    ...claimFields,
  })
  .superRefine((claim, ctx) => {
    claimRules(claim, ctx);
    const named = claim.spdx === undefined ? undefined : licenceOfSpdx(claim.spdx);
    if (claim.value === undefined && named === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [claim.spdx === undefined ? "value" : "spdx"],
        message:
          claim.spdx === undefined
            ? "give value or spdx"
            : `give value too: which class ${claim.spdx} belongs to is not known to the registry`,
      });
    }
    if (claim.value !== undefined && named !== undefined && claim.value !== named) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `${claim.spdx} is ${named}, not ${claim.value}` });
    }
  })
  .transform(({ value, ...claim }) => ({ ...claim, value: (value ?? licenceOfSpdx(claim.spdx!))! }));

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
  note?: z.output<typeof localizedText>;
};
