/**
 * A deployment's embeddable badge: its federation and how sure the sources are, as a small SVG
 * ("Föderation | abgeschaltet · vermutet") whose text a screen reader reads from its title.
 */
import { t, type Lang } from "../../i18n/index.ts";
import type { DeploymentEntry } from "../model/registry-model.ts";
import { keyFactRow } from "../model/key-facts.ts";
import { factName, factValueLabel } from "../site/fact-text.ts";
import { confidence as confidenceLevels } from "../../schema/vocabulary.ts";
import { xmlText } from "./feed.ts";

/** What a badge says, and how wide its two halves are drawn. */
export type Badge = { label: string; value: string; text: string; svg: string; width: number; height: number };

/** Roughly how wide a text is drawn at 11px in a sans-serif font: enough for the box, never clipped. */
const textWidth = (text: string) => Math.ceil([...text].length * 6.6) + 12;

/** Colours by federation value: open green, allow-list teal, off grey-red, unknown grey (all with white text at 4.5:1 or more). */
const colours: Record<string, string> = {
  "enabled-open": "#1b6e3a",
  "enabled-allowlist": "#11646b",
  disabled: "#8a1c1c",
  "presumed-disabled": "#8a1c1c",
  planned: "#5c4300",
  "not-supported": "#8a1c1c",
  unknown: "#4a5560",
  disputed: "#5c4300",
};

/** The federation badge of a deployment in one language. */
export function federationBadge(deployment: DeploymentEntry, lang: Lang): Badge {
  const dict = t(lang);
  const row = keyFactRow("federation")!;
  const summary = deployment.facts.federation;
  const certainty = dict.press.badge.certainty;
  let value: string;
  let colourKey: string;
  if (summary.kind === "disputed") {
    value = certainty.disputed;
    colourKey = "disputed";
  } else {
    const given = new Set(summary.claims.map((claim) => claim.confidence));
    const strongest = confidenceLevels.options.find((level) => given.has(level)) ?? "unattributed";
    // "vermutlich abgeschaltet · vermutet" would say it twice.
    const shown = summary.value === "presumed-disabled" ? "disabled" : summary.value;
    const level = summary.value === "presumed-disabled" ? "presumed" : strongest;
    value = `${factValueLabel(row, shown, lang)} · ${certainty[level]}`;
    colourKey = summary.value;
  }
  const label = factName(row, lang);
  const text = `${label}: ${value}`;
  const [left, right] = [textWidth(label), textWidth(value)];
  const width = left + right;
  const height = 20;
  const title = xmlText(dict.press.badge.alt(text));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">
  <title>${title}</title>
  <rect width="${left}" height="${height}" rx="3" fill="#44525f"/>
  <rect x="${left - 3}" width="${right + 3}" height="${height}" rx="3" fill="${colours[colourKey] ?? colours.unknown}"/>
  <rect x="${left - 3}" width="6" height="${height}" fill="${colours[colourKey] ?? colours.unknown}"/>
  <g fill="#ffffff" font-family="Verdana, DejaVu Sans, sans-serif" font-size="11" aria-hidden="true">
    <text x="6" y="14">${xmlText(label)}</text>
    <text x="${left + 6}" y="14">${xmlText(value)}</text>
  </g>
</svg>
`;
  return { label, value, text, svg, width, height };
}
