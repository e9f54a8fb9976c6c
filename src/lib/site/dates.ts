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
  return formatter(lang, day === undefined ? "month" : "day").format(value);
}

// Making a formatter costs far more than using one, and pages show thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, precision: "month" | "day"): Intl.DateTimeFormat {
  const key = `${lang} ${precision}`;
  let made = formatters.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      precision === "month"
        ? { year: "numeric", month: "short", timeZone: "UTC" }
        : { year: "numeric", month: lang === "de" ? "2-digit" : "short", day: "numeric", timeZone: "UTC" };
    made = new Intl.DateTimeFormat(locales[lang], options);
    formatters.set(key, made);
  }
  return made;
}
