/**
 * What a social card (1200×630) shows, and the element tree satori draws from it.
 * Pure: no fonts, no files; rendering lives in render.ts.
 */
import { localize, t, type Lang } from "../../../i18n/index.ts";
import type { DeploymentEntry } from "../../model/registry-model.ts";
import { recordCardKey } from "../../site/urls.ts";
import { allDeploymentFacts, recordOf } from "../../model/key-facts.ts";
import { factHeadlineText, factLabelsWithDetails, factMark, factName } from "../../site/fact-text.ts";
import { shorten } from "../../model/shorten.ts";

/** The text of one card. */
export type CardModel = {
  lang: Lang;
  /** Where the card is written below og/, without extension, e.g. `de/deployments/de-bund-wire`. */
  key: string;
  kicker: string;
  title: string;
  subtitle?: string;
  tags: string[];
  footer: string;
};

/** The card of one deployment's entry page. */
export function deploymentCard(deployment: DeploymentEntry, lang: Lang): CardModel {
  const dict = t(lang);
  const label = dict.label;
  return {
    lang,
    key: recordCardKey("deployments", lang, deployment.id),
    kicker: [deployment.jurisdictionName[lang], deployment.region, label.level[deployment.level]]
      .filter(Boolean)
      .join(" · "),
    title: localize(deployment.title, lang).text,
    subtitle:
      deployment.name && deployment.productEntry
        ? `${deployment.name} · ${deployment.productEntry.name}`
        : deployment.systemName[lang],
    tags: [
      ...allDeploymentFacts
        .filter((row) => row.headline)
        .map((row) => {
          const summary = deployment.facts[row.key];
          const text =
            summary.kind === "agreed"
              ? (factLabelsWithDetails(row, lang, recordOf(row, deployment))[summary.value] ?? summary.value)
              : factHeadlineText(row, summary, lang);
          const mark = factMark(summary, lang);
          return `${factName(row, lang)}: ${text}${mark ? ` · ${mark}` : ""}`;
        }),
      label.lifecycleStatus[deployment.currentStatus],
    ],
    footer: deployment.reviewed ? `${dict.cards.reviewed} ${deployment.reviewed} · ${dict.siteName}` : dict.siteName,
  };
}

/** The card of a site page without its own data (home, table, overview). */
export function pageCard(lang: Lang, page: "home" | "table" | "overview", deploymentCount: number): CardModel {
  const dict = t(lang);
  const titles = { home: dict.home.title, table: dict.table.title, overview: dict.overview.title };
  return {
    lang,
    key: `${lang}/${page}`,
    kicker: dict.siteName,
    title: titles[page],
    subtitle: dict.siteTagline,
    tags: [dict.deploymentCount(deploymentCount)],
    footer: dict.siteName,
  };
}

type Element = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Element => ({
  type,
  props: { style, children },
});

/**
 * The most characters each line of a card shows: about what fits the 1200×630 card, and a bound on
 * satori's layout work, which grows with the text and ran out of memory on a 1 MB name.
 */
export const cardTextLimits = { kicker: 90, title: 120, subtitle: 110, tag: 60, footer: 100 } as const;

/** The card's text cut to what the card can show (see `cardTextLimits`). */
export function fittedCard(card: CardModel): CardModel {
  return {
    ...card,
    kicker: shorten(card.kicker, cardTextLimits.kicker),
    title: shorten(card.title, cardTextLimits.title),
    subtitle: card.subtitle === undefined ? undefined : shorten(card.subtitle, cardTextLimits.subtitle),
    tags: card.tags.map((tag) => shorten(tag, cardTextLimits.tag)),
    footer: shorten(card.footer, cardTextLimits.footer),
  };
}

/** The element tree satori renders for a card; its text is cut to fit first (`fittedCard`). */
export function cardTree(model: CardModel): Element {
  const card = fittedCard(model);
  const ink = "#14202b";
  const accent = "#0b5cad";
  return el(
    "div",
    {
      width: "100%",
      height: "100%",
      display: "flex",
      flexDirection: "column",
      background: "#f6f8fb",
      color: ink,
      fontFamily: "Inter",
      // A word longer than the card is wide breaks instead of running off the edge.
      overflowWrap: "anywhere",
    },
    [
      el("div", { height: 16, background: accent }),
      el(
        "div",
        {
          flex: 1,
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "44px 64px 48px",
        },
        [
          el("div", { display: "flex", flexDirection: "column" }, [
            el("div", { fontSize: 30, color: "#44525f" }, card.kicker),
            el(
              "div",
              { fontSize: card.title.length > 60 ? 50 : 62, fontWeight: 700, lineHeight: 1.1, marginTop: 16 },
              card.title,
            ),
            ...(card.subtitle ? [el("div", { fontSize: 34, marginTop: 16, color: "#2b3a47" }, card.subtitle)] : []),
          ]),
          el(
            "div",
            { display: "flex", flexWrap: "wrap", gap: 14 },
            card.tags.map((tag) =>
              el(
                "div",
                { fontSize: 27, padding: "8px 18px", borderRadius: 10, background: "#dde9f7", color: ink },
                tag,
              ),
            ),
          ),
          el("div", { fontSize: 26, color: "#44525f" }, card.footer),
        ],
      ),
    ],
  );
}
