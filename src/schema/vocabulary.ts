/**
 * The registry's controlled vocabulary. Every enum value here has a label in each
 * dictionary under `src/i18n/`, and the methodology page explains what it means.
 */
import { z } from "zod";

/** Protocol a messenger speaks. `vendor` means a vendor's own protocol, named in `protocolName`. */
export const protocol = z.enum(["xmpp", "matrix", "vendor", "unknown"]);

/**
 * Licence of one side (client or server) of a product. `open-core` is a free core with non-free
 * parts (an enterprise edition under another licence).
 */
export const licence = z.enum(["free", "open-core", "source-available", "proprietary", "unknown"]);

/** Architecture the protocol or product allows. */
export const architecture = z.enum(["central", "federated", "peer-to-peer", "unknown"]);

/** How one deployment is laid out, whatever its protocol could do. */
export const topology = z.enum([
  "single-instance",
  "several-instances",
  "federated-operators",
  "vendor-cloud",
  "unknown",
]);

/**
 * Whether this deployment federates with servers outside itself.
 * `presumed-disabled` is an editor's presumption and must carry confidence `presumed`.
 */
export const federationStatus = z.enum([
  "enabled-open",
  "enabled-allowlist",
  "disabled",
  "presumed-disabled",
  "planned",
  "not-supported",
  "unknown",
]);

/** Whether a deployment is connected to other systems beyond federation. */
export const interoperability = z.enum(["none", "bridges", "cross-vendor", "unknown"]);

/** The widest circle outside the organisation its users can reach. */
export const externalReach = z.enum(["nobody", "invited-guests", "other-authorities", "citizens", "unknown"]);

/** One step of a deployment's life. The current status is the latest dated step. */
export const lifecycleStatus = z.enum([
  "announced",
  "procurement",
  "pilot",
  "beta",
  "rollout",
  "active",
  "superseded",
  "discontinued",
  "cancelled",
  "unknown",
]);

/**
 * International organisations that run deployments, by code. The code becomes a page address
 * (`/countries/nato/`) beside the country codes, so it is a closed list: never two letters, never
 * two codes that differ only in case.
 */
export const organisation = z.enum(["NATO", "EUROPEAN-UNION"]);

/** Administrative level of the body running a deployment. */
export const level = z.enum(["international", "national", "state", "local", "institution", "unknown"]);

/** Sectors a deployment serves. */
export const sector = z.enum([
  "police",
  "civil-protection",
  "military",
  "intelligence",
  "ministries",
  "administration",
  "municipalities",
  "schools",
  "higher-education",
  "healthcare",
  "parliament",
  "justice",
  "church",
  "public-relations",
  "media",
]);

/**
 * What a user figure counts. A planned capacity is not a number of users; `unspecified` is for
 * "users" where the source does not say whether registered or active.
 */
export const userCountKind = z.enum([
  "capacity-planned",
  "licences",
  "eligible",
  "registered",
  "active",
  "daily-active",
  "devices",
  "organisations",
  "unspecified",
]);

/** How a figure relates to the true value, as the source words it. */
export const countQualifier = z.enum(["exactly", "about", "more-than", "up-to"]);

/** What kind of publisher a source is. */
export const sourceKind = z.enum(["official", "vendor", "press", "secondary", "editorial"]);

/**
 * How well a claim is backed. `unattributed` is what a bare value gets: it rests on the
 * record's sources as a whole, not on a named one.
 */
export const confidence = z.enum([
  "confirmed",
  "vendor",
  "reported",
  "secondary",
  "presumed",
  "unknown",
  "unattributed",
]);

/** An approval or clearance for classified information, and where it stands. */
export const approvalStatus = z.enum([
  "approved",
  "release-recommendation",
  "in-use",
  "planned",
  "not-approved",
  "unknown",
]);

/** What kind of statement a position is. */
export const positionKind = z.enum(["recommendation", "ruling", "guideline", "statement", "resolution"]);

/** A position's verdict on one subject. */
export const verdict = z.enum(["required", "recommended", "acceptable", "advised-against", "ruled-out"]);

/**
 * Whether a product is free software, derived from its client and server licences, never typed in.
 * `open-core`: the core is free software, other parts are not.
 */
export const freeSoftware = z.enum(["free", "open-core", "non-free", "unknown"]);

/** Whether an organisation can run the product on servers of its own (or have them run for it). */
export const selfHosting = z.enum(["yes", "no", "unknown"]);

/**
 * Whether the product can federate at all, whatever a deployment switches on: with servers of other
 * operators and products over an open protocol, only between installations of the same product, or not.
 */
export const federationCapability = z.enum(["open-protocol", "same-product", "none", "unknown"]);

/** Whether messages are end-to-end encrypted: always by default, only where the user turns it on, or not. */
export const endToEndEncryption = z.enum(["default", "optional", "none", "unknown"]);

/**
 * Whose presumption a `presumed` claim is: the cited source's own (the source article's
 * "presumably …"), or the registry editors' inference, with its reasoning in the claim's note.
 */
export const presumedBy = z.enum(["article", "editors"]);

/** What a deployment record describes: one body's use of a system, a practice without a named body, or an offer without a known user. */
export const recordKind = z.enum(["deployment", "practice", "offer"]);
