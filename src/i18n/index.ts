/** The site's two languages, their dictionaries, and how free text falls back between them. */
import { de } from "./de.ts";
import { en } from "./en.ts";

/** A language the site is published in. German is the default. */
export type Lang = "de" | "en";
export const languages: readonly Lang[] = ["de", "en"];
export const defaultLang: Lang = "de";

type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => R
  : T extends string
    ? string
    : T extends object
      ? { [K in keyof T]: Widen<T[K]> }
      : T;

/** The shape every dictionary has (the German one's keys, with any text). */
export type Dictionary = Widen<typeof de>;

const dictionaries: Record<Lang, Dictionary> = { de, en };

/** The dictionary for a language. */
export function t(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === "de" ? "en" : "de";
}

/** Free text in one language, and whether it had to fall back to the other. */
export type LocalizedResult = { text: string; lang: Lang; translated: boolean };

/** Picks text in `lang`, falling back to the other language (a plain string counts as German). */
export function localize(text: string | { de?: string; en?: string }, lang: Lang): LocalizedResult {
  const byLang = typeof text === "string" ? { de: text } : text;
  const wanted = byLang[lang];
  if (wanted !== undefined) return { text: wanted, lang, translated: true };
  const fallbackLang = otherLang(lang);
  return { text: byLang[fallbackLang] ?? "", lang: fallbackLang, translated: false };
}
