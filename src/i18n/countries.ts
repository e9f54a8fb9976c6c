/**
 * Country names in each language, taken from the runtime's Intl data (CLDR) instead of a list kept
 * by hand. The schema admits only codes that Intl names (`isCountryCode`), so no page shows a bare code.
 */
import { isCountryCode } from "../schema/common.ts";

/** The name of a country, by its ISO 3166-1 alpha-2 code, in language `lang`. */
export function countryNames(lang: string): (code: string) => string {
  const names = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
  return (code) => {
    const name = isCountryCode(code) ? names.of(code) : undefined;
    if (name === undefined) throw new Error(`"${code}" is not a country code the schema admits`);
    return name;
  };
}

/**
 * The name of a jurisdiction: a country by its code, or an international organisation, which has no
 * code Intl could name and is shown as the record gives it (e.g. NATO).
 */
export function jurisdictionNames(lang: string): (jurisdiction: string) => string {
  const country = countryNames(lang);
  return (jurisdiction) => (isCountryCode(jurisdiction) ? country(jurisdiction) : jurisdiction);
}
