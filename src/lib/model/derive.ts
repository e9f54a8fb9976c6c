/**
 * Values the registry derives instead of storing: the current status, "free software",
 * and what a list of possibly disagreeing claims amounts to.
 */
import type { Claim } from "../../schema/index.ts";
import { earliestDay, latestDay } from "../../schema/common.ts";
import type { z } from "zod";
import {
  presumedBy,
  type freeSoftware as freeSoftwareValue,
  type licence,
  type lifecycleStatus,
} from "../../schema/vocabulary.ts";

type Licence = z.output<typeof licence>;
type LifecycleStatus = z.output<typeof lifecycleStatus>;
type PresumedBy = z.output<typeof presumedBy>;

/**
 * What a field's claims amount to: one agreed value, or a dispute between several. `claims` are
 * the claims the current value rests on; `history` holds the claims that later claims replaced.
 */
export type ClaimSummary<T> =
  | { kind: "agreed"; value: T; claims: Claim<T>[]; history: Claim<T>[] }
  | { kind: "disputed"; values: T[]; claims: Claim<T>[]; history: Claim<T>[] };

/** The first day a claim is known to hold, if it is dated. */
function startOf(claim: Claim<unknown>): string | undefined {
  const start = claim.from ?? claim.asOf;
  return start === undefined ? undefined : earliestDay(start);
}

/** The last day a claim is known to hold, if it is dated. */
function lastKnownOf(claim: Claim<unknown>): string | undefined {
  const last = claim.until ?? claim.asOf ?? claim.from;
  return last === undefined ? undefined : latestDay(last);
}

/**
 * Whether a later claim replaced `claim`: it ended (`until`), or another claim with a different
 * value is known to hold only after every day `claim` is known to hold. An undated claim cannot
 * be placed in time and is never replaced.
 */
function isReplaced<T>(claim: Claim<T>, all: Claim<T>[]): boolean {
  if (claim.until !== undefined) return true;
  const last = lastKnownOf(claim);
  if (last === undefined) return false;
  return all.some((other) => {
    const start = startOf(other);
    return other.value !== claim.value && start !== undefined && start > last;
  });
}

/**
 * Summarises the claims made about one field; `fallback` stands in when there are none. Dated
 * claims that followed each other are history, not a dispute: the current value is the latest.
 * Only claims that may hold at the same time and disagree make a dispute.
 */
export function summarizeClaims<T>(claims: Claim<T>[] | undefined, fallback: T): ClaimSummary<T> {
  const all = claims ?? [];
  const history = all.filter((claim) => isReplaced(claim, all));
  const current = all.filter((claim) => !history.includes(claim));
  if (current.length === 0) return { kind: "agreed", value: fallback, claims: [], history };
  const values = [...new Set(current.map((claim) => claim.value))];
  if (values.length === 1) return { kind: "agreed", value: values[0]!, claims: current, history };
  return { kind: "disputed", values, claims: current, history };
}

/** The value to sort and filter by: the agreed value, or "disputed". */
export function headlineValue<T extends string>(summary: ClaimSummary<T>): T | "disputed" {
  return summary.kind === "agreed" ? summary.value : "disputed";
}

/** Whether a field rests only on an editor's presumption. */
export function isPresumption<T>(summary: ClaimSummary<T>): boolean {
  return summary.claims.length > 0 && summary.claims.every((claim) => claim.confidence === "presumed");
}

/**
 * Whose presumption a value is, when it rests only on presumptions: the cited article's, the
 * editors', or both; empty when the value rests on sources.
 */
export function presumers<T>(summary: ClaimSummary<T>): PresumedBy[] {
  if (!isPresumption(summary)) return [];
  return presumedBy.options.filter((who) => summary.claims.some((claim) => claim.presumedBy === who));
}

/**
 * Whether a deployment record is a concrete deployment (a named body using a system), which
 * headline figures count, rather than a practice or an offer.
 */
export function isConcrete(deployment: { kind: "deployment" | "practice" | "offer" }): boolean {
  return deployment.kind === "deployment";
}

/** The latest step of a status history (listed oldest first). */
export function currentStatus(history: { status: LifecycleStatus }[]): LifecycleStatus {
  return history.at(-1)?.status ?? "unknown";
}

/** Free software means both client and server are free; any proprietary side makes it non-free. */
export type FreeSoftware = z.output<typeof freeSoftwareValue>;

/** Free software from one client and one server licence. */
function freeSoftwareOf(client: Licence, server: Licence): FreeSoftware {
  if (client === "free" && server === "free") return "free";
  const nonFree = (side: Licence) => side === "proprietary" || side === "source-available";
  return nonFree(client) || nonFree(server) ? "non-free" : "unknown";
}

/**
 * Derives whether a product is free software from its client and server licence claims. Where
 * sources disagree about a side, every combination is tried: a dispute that cannot change the
 * answer (a side proprietary in every claim) is no dispute about free software.
 */
export function freeSoftware(client: ClaimSummary<string>, server: ClaimSummary<string>): ClaimSummary<FreeSoftware> {
  const valuesOf = (side: ClaimSummary<string>) => (side.kind === "agreed" ? [side.value] : side.values) as Licence[];
  const outcomes = [...new Set(valuesOf(client).flatMap((c) => valuesOf(server).map((s) => freeSoftwareOf(c, s))))];
  const claims = [...client.claims, ...server.claims].map((claim) => ({
    ...claim,
    value: freeSoftwareOf(claim.value as Licence, claim.value as Licence),
  }));
  if (outcomes.length === 1) return { kind: "agreed", value: outcomes[0]!, claims, history: [] };
  return { kind: "disputed", values: outcomes, claims, history: [] };
}
