/** URL builders: every link on the site is made here, so permalinks stay stable. */
import type { Lang } from "../i18n/index.ts";

const base = import.meta.env?.BASE_URL ?? "/";

function join(...parts: string[]): string {
  return `${base.replace(/\/$/, "")}/${parts.filter(Boolean).join("/")}/`.replace(/\/+/g, "/");
}

/** Home page of a language. */
export const homeUrl = (lang: Lang) => join(lang);
/** The comparison table. */
export const tableUrl = (lang: Lang) => join(lang, "table");
/** One deployment's entry page; built from its id, so it never changes. */
export const deploymentUrl = (lang: Lang, id: string) => join(lang, "deployments", id);
/** A page's address in the other language: the same path with the language swapped. */
export function switchLanguageUrl(pathname: string, to: Lang): string {
  return pathname.replace(/^\/(de|en)(?=\/|$)/, `/${to}`);
}
