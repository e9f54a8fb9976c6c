/** Building blocks shared by every record schema: ids, dates, text in two languages, sources. */
import { z } from "zod";
import { sourceKind } from "./vocabulary.ts";

/** A record or source id: lowercase words joined by hyphens, e.g. `de-he-hepolchat`. */
export const recordId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");

const partialDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `text` is a real calendar date in one of the forms YYYY, YYYY-MM, YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const match = partialDate.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = new Date(Date.UTC(Number(year), m - 1, Number(day)));
  return d.getUTCMonth() === m - 1 && d.getUTCDate() === Number(day);
}

/**
 * A date as text: `2019-12-24`, or `2019-12` / `2019` where the source gives no more.
 * Dates are always text, never YAML timestamps, so the site and the validator read them alike.
 */
export const isoDate = z
  .string({ error: 'expected a date as text, e.g. "2019-12-24", "2019-12" or "2019"' })
  .refine(isCalendarDate, 'expected a real date written "YYYY-MM-DD", "YYYY-MM" or "YYYY"')
  .refine((text) => !isInFuture(text), "date lies in the future");

/** True when every day the (possibly partial) date could mean is after today. */
export function isInFuture(text: string, today = new Date()): boolean {
  return text > today.toISOString().slice(0, text.length);
}

/** The first day a (possibly partial) date can mean: `2019` → `2019-01-01`, `2019-12` → `2019-12-01`. */
export function earliestDay(text: string): string {
  return text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text;
}

/** An upper bound for the last day a (possibly partial) date can mean: `2019` → `2019-12-31`, `2019-12` → `2019-12-31`. */
export function latestDay(text: string): string {
  return text.length === 4 ? `${text}-12-31` : text.length === 7 ? `${text}-31` : text;
}

/** ISO 3166-1 alpha-2 country code, e.g. `DE`. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, "expected a two-letter country code such as DE");

/** ISO 3166-2 subdivision code, e.g. `DE-BY`. */
export const regionCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "expected an ISO 3166-2 code such as DE-BY");

/** A web address. Only http and https are accepted; anything else (javascript:, data:, ftp:) is rejected. */
export const webUrl = z.url({
  protocol: /^https?$/,
  error: "expected an http:// or https:// address",
});

/** Text in German and/or English; a plain string counts as German. */
export const localizedText = z.union([
  z.string().min(1),
  z
    .strictObject({
      de: z.string().min(1).optional().describe("German text"),
      en: z.string().min(1).optional().describe("English text"),
    })
    .refine((text) => text.de !== undefined || text.en !== undefined, "give at least de or en"),
]);

/** A source: the document a fact comes from. `url` only when known; never guessed. */
export const source = z.strictObject({
  id: recordId.describe("Key used by claims in this record to name the source"),
  kind: sourceKind.describe("official, vendor, press, secondary or editorial"),
  publisher: z.string().min(1).describe("Who published it, e.g. heise online"),
  title: z.string().min(1).optional().describe("The document's own title, if known"),
  date: isoDate.optional().describe("Publication date as shown on the source; omit when undated"),
  url: webUrl.optional().describe("Full address; omit when unknown (shown as 'link missing')"),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .describe("Language code, e.g. de"),
  via: recordId.optional().describe("Id of the source through which this one is known"),
  note: localizedText.optional().describe("What this source says that matters here"),
});

/** Reference to a source of the same record, by its id. */
export const sourceRef = recordId;
