/** Building blocks shared by every record schema: ids, dates, free text in two languages, sources. */
import { z } from "zod";
import { sourceKind } from "./vocabulary.ts";
import { recordIdPattern } from "./id-pattern.ts";

/** A record or source id: lowercase words joined by hyphens, e.g. `de-he-hepolchat`. It becomes a URL and a file name. */
export const recordId = z
  .string()
  .max(100, "an id has at most 100 characters")
  .regex(recordIdPattern, "use lowercase letters, digits and single hyphens");

/**
 * The longest text each kind of free-text field takes: short enough that no value can swamp a page,
 * a feed or a social card, long enough for every record so far (the longest summary has under 900).
 */
export const textLimits = { name: 300, prose: 3000, url: 2000 } as const;

/** What a free-text field holds: a name or title, or prose (summaries, notes, questions). */
export type TextKind = "name" | "prose";

const embeddings = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const isolates = new Set([0x2066, 0x2067, 0x2068]);
const codePoint = (value: number) => `U+${value.toString(16).toUpperCase().padStart(4, "0")}`;

// Most text holds none of the characters below: the line breaks, the printable characters of the
// Basic Multilingual Plane without surrogates, noncharacters and bidirectional controls.
const everyCharacterPublishable = /^[\n\x20-\x7e\xa0-\u2029\u202f-\u2065\u206a-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd]*$/;

/**
 * Why `text` cannot be published as it is, or undefined: it holds a control character other than a
 * line break, a noncharacter (U+FFFE, U+FFFF, …), a lone surrogate, or a bidirectional control that a
 * line leaves open or closes without opening (it would reverse the text after it on the page).
 */
export function unpublishableCharacter(text: string): string | undefined {
  if (everyCharacterPublishable.test(text)) return undefined;
  const open: ("embedding" | "isolate")[] = [];
  let opener = 0;
  for (const char of text) {
    const value = char.codePointAt(0)!;
    if (value === 0x0a) {
      if (open.length > 0) break;
      continue;
    }
    if (value < 0x20 || (value >= 0x7f && value <= 0x9f)) {
      return `contains the control character ${codePoint(value)}; only line breaks are allowed`;
    }
    if (value >= 0xd800 && value <= 0xdfff)
      return `contains a lone surrogate ${codePoint(value)}, which is not a character`;
    if ((value & 0xfffe) === 0xfffe || (value >= 0xfdd0 && value <= 0xfdef)) {
      return `contains ${codePoint(value)}, which is not a character`;
    }
    if (embeddings.has(value) || isolates.has(value)) {
      if (open.length === 0) opener = value;
      open.push(isolates.has(value) ? "isolate" : "embedding");
    } else if (value === 0x202c || value === 0x2069) {
      const kind = value === 0x202c ? "embedding" : "isolate";
      const last = kind === "isolate" ? open.lastIndexOf("isolate") : open.length - 1;
      if (last < 0 || open[last] !== kind) {
        return `closes a bidirectional control with ${codePoint(value)} that was not opened`;
      }
      open.length = last;
    }
  }
  if (open.length > 0) {
    return `opens the bidirectional control ${codePoint(opener)} and does not close it on the same line`;
  }
  return undefined;
}

/**
 * Free text as contributors write it: trimmed, not empty, at most `textLimits[kind]` characters,
 * and only characters every output (HTML, Atom, BibTeX, CSV, cards) can carry.
 */
export function freeText(kind: TextKind) {
  const limit = textLimits[kind];
  return z
    .string()
    .trim()
    .min(1, "text is empty")
    .max(limit, {
      error: (issue) =>
        `text is ${String((issue.input as string).length)} characters long; at most ${limit} are allowed here`,
    })
    .superRefine((text, ctx) => {
      const problem = unpublishableCharacter(text);
      if (problem) ctx.addIssue({ code: "custom", message: `text ${problem}` });
    });
}

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

const countryCodeVerdicts = new Map<string, boolean>();

/**
 * True when `code` is a current ISO 3166-1 alpha-2 country code, judged by the runtime's Intl data:
 * Intl names it and does not replace it (DD, UK and SU are replaced by DE, GB and RU). Every code
 * this accepts therefore has a name in each language (`countryNames` in `src/i18n/`).
 */
export function isCountryCode(code: string): boolean {
  let known = countryCodeVerdicts.get(code);
  if (known === undefined) {
    known =
      /^[A-Z]{2}$/.test(code) &&
      !notACountry.test(code) &&
      Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}` &&
      regionNames.of(code) !== undefined;
    // Only well-formed codes are kept, so hostile input cannot grow the map without bound.
    if (/^[A-Z]{2}$/.test(code)) countryCodeVerdicts.set(code, known);
  }
  return known;
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
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: "expected a two-letter country code such as DE", abort: true })
  .refine(isCountryCode, "expected an ISO 3166-1 country code such as DE; this code names no country");

/** ISO 3166-2 subdivision code, e.g. `DE-BY`. */
export const regionCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "expected an ISO 3166-2 code such as DE-BY");

/** A web address. Only http and https are accepted; anything else (javascript:, data:, ftp:) is rejected. */
export const webUrl = z
  .string()
  .max(textLimits.url, {
    error: (issue) =>
      `address is ${String((issue.input as string).length)} characters long; at most ${textLimits.url} are allowed`,
  })
  .superRefine((url, ctx) => {
    // Checked before the URL parser, which drops tabs and line breaks silently: a published address is what was written.
    const problem = /\s/.test(url) ? "contains a space or line break" : unpublishableCharacter(url);
    if (problem) ctx.addIssue({ code: "custom", message: `address ${problem}` });
  })
  .pipe(z.url({ protocol: /^https?$/, error: "expected an http:// or https:// address" }))
  .meta({ format: "uri" });

/** Text in German and/or English; a plain string counts as German. */
export function localizedText(kind: TextKind) {
  return z.union([
    freeText(kind),
    z
      .strictObject({
        de: freeText(kind).optional().describe("German text"),
        en: freeText(kind).optional().describe("English text"),
      })
      .refine((text) => text.de !== undefined || text.en !== undefined, "give at least de or en"),
  ]);
}

/** A source: the document a fact comes from. `url` only when known; never guessed. */
export const source = z.strictObject({
  id: recordId.describe("Key used by claims in this record to name the source"),
  kind: sourceKind.describe("official, vendor, press, secondary or editorial"),
  publisher: freeText("name").describe("Who published it, e.g. heise online"),
  title: freeText("name").optional().describe("The document's own title, if known"),
  date: isoDate.optional().describe("Publication date as shown on the source; omit when undated"),
  url: webUrl.optional().describe("Full address; omit when unknown (shown as 'link missing')"),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .describe("Language code, e.g. de"),
  via: recordId.optional().describe("Id of the source through which this one is known"),
  note: localizedText("prose").optional().describe("What this source says that matters here"),
});

/** Reference to a source of the same record, by its id. */
export const sourceRef = recordId;
