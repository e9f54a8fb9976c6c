/** Dates as a reader of each language writes them; the registry stores "2019", "2019-12" or "2019-12-24". */
import type { Lang } from "../../i18n/index.ts";

const locales: Record<Lang, string> = { de: "de-DE", en: "en-GB" };

/** A registry date in the reader's language: "24.12.2019" / "24 Dec 2019", "Dez. 2019" / "Dec 2019", "2019". */
export function formatDate(date: string, lang: Lang): string {
  const [year, month, day] = date.split("-").map(Number);
  if (year === undefined || Number.isNaN(year)) return date;
  if (month === undefined) return String(year);
  // Noon UTC, shown in UTC, so no time zone moves the day.
  const value = new Date(Date.UTC(year, month - 1, day ?? 1, 12));
  const options: Intl.DateTimeFormatOptions =
    day === undefined
      ? { year: "numeric", month: "short", timeZone: "UTC" }
      : { year: "numeric", month: lang === "de" ? "2-digit" : "short", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locales[lang], options).format(value);
}
