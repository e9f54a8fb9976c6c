/** A deployment: one public body (or group of bodies) using one messenger for one purpose. */
import { z } from "zod";
import * as v from "./vocabulary.ts";
import { claim, sourcedClaim } from "./claim.ts";
import { countryCode, freeText, isoDate, localizedText, recordId, regionCode, source, sourceRef } from "./common.ts";

/** One body that runs or uses the deployment. */
export const authority = z.strictObject({
  name: localizedText("name").describe("The authority's name, e.g. Bundespolizei"),
  operator: freeText("name").optional().describe("Who runs the system for it, e.g. Dataport, BWI"),
  sources: z
    .array(sourceRef)
    .default([])
    .describe("Ids of this record's sources that name this body (and its operator) as using the system"),
  confidence: v.confidence.default("unattributed").describe("How well those sources back it"),
});

/**
 * The product a deployment runs: its id, or `{ value: id, sources, confidence }` naming the
 * sources that say which software it is.
 */
export const productLink = z
  .union([recordId, sourcedClaim(recordId)])
  .transform((link) =>
    typeof link === "string" ? { value: link, sources: [], confidence: "unattributed" as const } : link,
  );

/** One dated step in the deployment's life. */
export const statusStep = z.strictObject({
  status: v.lifecycleStatus,
  date: isoDate.optional().describe("When this step began; omit only if no source dates it"),
  asOf: isoDate
    .optional()
    .describe(
      "Instead of date: a day on which a source shows the deployment in this state, when it does not say since when",
    ),
  supersededBy: recordId.optional().describe("With status superseded: id of the successor deployment"),
  sources: z.array(sourceRef).default([]),
  confidence: v.confidence.default("unattributed"),
  presumedBy: v.presumedBy.optional().describe("With confidence presumed: whose presumption it is"),
  note: localizedText("prose").optional(),
});

/** A user figure with what it counts and when. */
export const userCount = z.strictObject({
  count: z.number().int().nonnegative().describe("The figure as the source gives it"),
  kind: v.userCountKind.describe("What the figure counts: planned capacity is not users"),
  qualifier: v.countQualifier.default("exactly"),
  asOf: isoDate.optional().describe("When the figure was given; omit only if the source is undated"),
  scope: localizedText("prose").optional().describe("What the figure covers, if narrower or wider than the deployment"),
  sources: z.array(sourceRef).min(1),
  confidence: v.confidence,
});

/** An approval for classified information (e.g. VS-NfD) as a source states it. */
export const approval = z.strictObject({
  classification: freeText("name").describe("e.g. VS-NfD, vertraulich"),
  status: v.approvalStatus,
  sources: z.array(sourceRef).min(1),
  confidence: v.confidence,
  presumedBy: v.presumedBy.optional().describe("With confidence presumed: whose presumption it is"),
  asOf: isoDate.optional(),
  note: localizedText("prose").optional(),
});

/**
 * The schema of `data/deployments/<id>.yaml`. Rules between fields (country or organisation, region
 * within country, the status steps, presumedBy) are validator rules in src/lib/validation/rules/.
 */
export const deploymentSchema = z.strictObject({
  name: freeText("name").optional().describe("The system's own name, e.g. HePolChat"),
  aliases: z.array(recordId).default([]).describe("Former ids, so old links keep working"),
  country: countryCode.optional().describe("ISO 3166-1 alpha-2; omit for an international organisation"),
  organisation: v.organisation.optional().describe("International organisation, by its code, e.g. NATO"),
  region: regionCode.optional().describe("ISO 3166-2 for state-level bodies, e.g. DE-BY"),
  kind: v.recordKind
    .default("deployment")
    .describe("deployment (a named body uses a system), practice (no named body) or offer (no known user)"),
  level: v.level,
  sectors: z.array(v.sector).min(1),
  authorities: z.array(authority).min(1),
  product: productLink
    .optional()
    .describe("Id of a record in data/products/, with its sources; omit where no source names the software"),
  protocol: claim(v.protocol)
    .optional()
    .describe("Only without product: the protocol, where the sources name it but not the software"),
  topology: claim(v.topology).optional().describe("How this deployment is laid out"),
  federation: claim(v.federationStatus).describe("Whether it federates with outside servers"),
  federationGroup: freeText("name")
    .optional()
    .describe("Name of the allow-listed network, if any: deployments with the same name federate with each other"),
  interoperability: claim(v.interoperability).optional(),
  bridgesTo: z.array(freeText("name")).optional().describe("Systems reached through bridges"),
  reach: claim(v.externalReach).optional().describe("Who outside the organisation can be reached"),
  status: z.array(statusStep).min(1).describe("Status history, oldest first"),
  users: z.array(userCount).default([]),
  approvals: z.array(approval).default([]),
  summary: localizedText("prose").describe("A short summary in your own words"),
  openQuestions: z.array(localizedText("prose")).default([]).describe("What is not known: help wanted"),
  reviewed: isoDate
    .optional()
    .describe("Only when an editor checked the whole record against its sources: the day of that check"),
  sources: z.array(source).min(1),
});

/** A deployment after parsing: claims normalized to lists, defaults filled in. */
export type Deployment = z.output<typeof deploymentSchema>;
