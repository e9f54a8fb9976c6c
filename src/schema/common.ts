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

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
// ISO 3166-1 leaves AA, QM–QZ, XA–XZ and ZZ to private use (CLDR names some, e.g. XK, ZZ "Unknown Region");
// EU, EZ and UN are groupings, not states: a body of one is recorded as an organisation.
const notACountry = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/;

/**
 * True when `code` is a current ISO 3166-1 alpha-2 country code, judged by the runtime's Intl data:
 * Intl names it and does not replace it (DD, UK and SU are replaced by DE, GB and RU). Every code
 * this accepts therefore has a name in each language (`countryNames` in `src/i18n/`).
 */
export function isCountryCode(code: string): boolean {
  return (
    /^[A-Z]{2}$/.test(code) &&
    !notACountry.test(code) &&
    Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}` &&
    regionNames.of(code) !== undefined
  );
}

/** ISO 3166-1 alpha-2 country code, e.g. `DE`. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: "expected a two-letter country code such as DE", abort: true })
  .refine(isCountryCode, "expected an ISO 3166-1 country code such as DE; this code names no country");

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
