/**
 * What a social card (1200×630) shows, and the element tree satori draws from it.
 * Pure: no fonts, no files; rendering lives in render.ts.
 *
 * Every fact on a card is labelled ("Föderation" above "abgeschaltet") and says how sure the
 * sources are; a presumption is drawn dashed and says so, a dispute says so. A name is never
 * shown twice.
 */
import { localize, t, type Lang } from "../../../i18n/index.ts";
import type { DeploymentEntry, PositionEntry, ProductEntry, RegistryModel } from "../../model/registry-model.ts";
import { cardPages, countryCardKey, pageCardKey, recordCardKey, type CardPage } from "../../site/urls.ts";
import { allDeploymentFacts, productFacts, recordOf, type KeyFactRow } from "../../model/key-facts.ts";
import {
  factHeadlineText,
  factLabelsWithDetails,
  factMark,
  factName,
  factValueLabel,
  vendorText,
} from "../../site/fact-text.ts";
import { isPresumption, type ClaimSummary } from "../../model/derive.ts";
import { confidence as confidenceLevels } from "../../../schema/vocabulary.ts";
import { siteHome } from "../../../config.ts";
import { shorten } from "../../model/shorten.ts";
import { productDeployments } from "../../model/product-deployments.ts";

/** How a fact on a card is backed: the strongest confidence behind it, or a dispute, or nothing at all. */
export type CardCertainty = "sourced" | "presumed" | "disputed" | "unsourced";

/** One labelled fact on a card. */
export type CardFact = {
  label: string;
  value: string;
  certainty: CardCertainty;
  /** How sure the sources are, in words (e.g. "amtlich bestätigt", "redaktionelle Vermutung", "umstritten"). */
  note?: string;
};

/** The text of one card. */
export type CardModel = {
  lang: Lang;
  /** Where the card is written below og/, without extension, e.g. `de/deployments/de-bund-wire`. */
  key: string;
  kicker: string;
  title: string;
  subtitle?: string;
  facts: CardFact[];
  footer: string;
};

/** The card's last line: the day of the last review (if any), the registry's name and where it lives (or that it is a preview). */
function footer(lang: Lang, reviewed?: string, siteUrl = siteHome.siteUrl): string {
  const dict = t(lang);
  const home = siteUrl
    ? new URL(siteUrl).host + new URL(siteUrl).pathname.replace(/\/$/, "")
    : dict.press.preview.label;
  return [reviewed ? `${dict.cards.reviewed} ${reviewed}` : undefined, dict.siteName, home].filter(Boolean).join(" · ");
}

/**
 * A fact as a card shows it: labelled, with the value in words and how sure the sources are.
 * With the record it comes from, an agreed value carries its details (e.g. the vendor protocol's name).
 */
export function cardFact(
  row: KeyFactRow,
  summary: ClaimSummary<string>,
  lang: Lang,
  record?: Parameters<typeof factLabelsWithDetails>[2],
): CardFact {
  const dict = t(lang);
  const label = factName(row, lang);
  const text =
    summary.kind === "agreed" && record
      ? (factLabelsWithDetails(row, lang, record)[summary.value] ?? summary.value)
      : factHeadlineText(row, summary, lang);
  // "Freie Software: freie Software" says it twice: a value that names its fact stands alone.
  const base = { label: text.toLowerCase().includes(label.toLowerCase()) ? "" : label, value: text };
  if (summary.kind === "disputed") {
    const values = summary.values.map((value) => factValueLabel(row, value, lang)).join(" / ");
    return { label, value: values, certainty: "disputed", note: dict.disputed };
  }
  if (isPresumption(summary))
    return { ...base, certainty: "presumed", note: factMark(summary, lang) ?? dict.presumption };
  const given = new Set(summary.claims.map((claim) => claim.confidence));
  const strongest = confidenceLevels.options.find((level) => given.has(level));
  if (!strongest || strongest === "unknown" || strongest === "unattributed") {
    return { ...base, certainty: "unsourced", note: strongest ? dict.label.confidence[strongest] : undefined };
  }
  return { ...base, certainty: "sourced", note: dict.label.confidence[strongest] };
}

/** A plain figure or label on a card, backed by the records themselves. */
const plainFact = (label: string, value: string): CardFact => ({ label, value, certainty: "sourced" });

/** The card of one deployment's entry page. */
export function deploymentCard(deployment: DeploymentEntry, lang: Lang): CardModel {
  const dict = t(lang);
  const label = dict.label;
  const product = deployment.productEntry;
  const system =
    deployment.name && product && deployment.name !== product.name
      ? `${deployment.name} · ${product.name}`
      : deployment.systemName[lang];
  const title = localize(deployment.title, lang).text;
  return {
    lang,
    key: recordCardKey("deployments", lang, deployment.id),
    kicker: [deployment.jurisdictionName[lang], deployment.region, label.level[deployment.level]]
      .filter(Boolean)
      .join(" · "),
    title,
    // The authority may carry the system's name already ("Tchap" for the French government's Tchap).
    subtitle: title.includes(system) ? undefined : system,
    facts: [
      ...allDeploymentFacts
        .filter((row) => row.headline)
        .map((row) => cardFact(row, deployment.facts[row.key], lang, recordOf(row, deployment))),
      plainFact(dict.field.status, label.lifecycleStatus[deployment.currentStatus]),
    ],
    footer: footer(lang, deployment.reviewed),
  };
}

/** The card of a product's page. */
export function productCard(product: ProductEntry, deploymentCount: number, lang: Lang): CardModel {
  const dict = t(lang);
  return {
    lang,
    key: recordCardKey("products", lang, product.id),
    kicker: [dict.productPage.kicker, vendorText(product, lang)].filter(Boolean).join(" · "),
    title: product.name,
    subtitle: product.basedOnProduct ? `${dict.field.basedOn} ${product.basedOnProduct.name}` : undefined,
    facts: [
      ...productFacts.filter((row) => row.headline).map((row) => cardFact(row, product.facts[row.key], lang)),
      plainFact(dict.field.deployments, String(deploymentCount)),
    ],
    footer: footer(lang, product.reviewed),
  };
}

/** The card of a position's page. */
export function positionCard(position: PositionEntry, lang: Lang): CardModel {
  const dict = t(lang);
  const label = dict.label;
  return {
    lang,
    key: recordCardKey("positions", lang, position.id),
    kicker: [label.positionKind[position.kind], position.date].filter(Boolean).join(" · "),
    title: localize(position.title, lang).text,
    subtitle: localize(position.issuer.name, lang).text,
    facts: position.stances.slice(0, 5).map((stance) => ({
      label: localize(stance.subject, lang).text,
      value: label.verdict[stance.verdict],
      certainty: stance.confidence === "presumed" ? "presumed" : "sourced",
      note: label.confidence[stance.confidence],
    })),
    footer: footer(lang, position.reviewed),
  };
}

/** The card of a country's (or organisation's) page: how many deployments, on what. */
export function countryCard(jurisdiction: string, deployments: DeploymentEntry[], lang: Lang): CardModel {
  const dict = t(lang);
  const count = (test: (d: DeploymentEntry) => boolean) => String(deployments.filter(test).length);
  const agreed = (d: DeploymentEntry, key: "protocol" | "federation", values: string[]) => {
    const summary = d.facts[key];
    return summary.kind === "agreed" && values.includes(summary.value);
  };
  return {
    lang,
    key: countryCardKey(lang, jurisdiction),
    kicker: deployments[0]?.country === undefined ? dict.field.organisation : dict.field.country,
    title: deployments[0]?.jurisdictionName[lang] ?? jurisdiction,
    facts: [
      plainFact(dict.field.deployments, String(deployments.length)),
      plainFact(
        dict.home.figures.openProtocol,
        count((d) => agreed(d, "protocol", ["xmpp", "matrix"])),
      ),
      plainFact(
        dict.home.figures.federating,
        count((d) => agreed(d, "federation", ["enabled-open", "enabled-allowlist"])),
      ),
    ],
    footer: footer(lang),
  };
}

/** The card of a site page without a record of its own (home, table, overview, lists, API …). */
export function pageCard(lang: Lang, page: CardPage, model: RegistryModel): CardModel {
  const dict = t(lang);
  const titles: Record<CardPage, string> = {
    home: dict.home.title,
    table: dict.table.title,
    overview: dict.overview.title,
    reach: dict.reachPage.title,
    compare: dict.comparePage.title,
    map: dict.mapPage.title,
    products: dict.productsPage.title,
    protocols: dict.protocolsPage.title,
    positions: dict.positionsPage.title,
    countries: dict.countriesPage.title,
    coverage: dict.coveragePage.title,
    api: dict.apiPage.title,
  };
  return {
    lang,
    key: pageCardKey(lang, page),
    kicker: dict.siteName,
    title: titles[page],
    subtitle: dict.siteTagline,
    facts: [
      plainFact(dict.field.deployments, String(model.deployments.length)),
      plainFact(dict.home.figures.jurisdictions, String(new Set(model.deployments.map((d) => d.jurisdiction)).size)),
      plainFact(dict.nav.products, String(model.products.length)),
      plainFact(dict.nav.positions, String(model.positions.length)),
    ],
    footer: footer(lang),
  };
}

/** Every card the site has: its main pages, and each deployment, product, position and country. */
export function allCards(model: RegistryModel, languages: readonly Lang[]): CardModel[] {
  const byJurisdiction = new Map<string, DeploymentEntry[]>();
  for (const d of model.deployments) {
    const group = byJurisdiction.get(d.jurisdiction);
    if (group) group.push(d);
    else byJurisdiction.set(d.jurisdiction, [d]);
  }
  return languages.flatMap((lang) => [
    ...cardPages.map((page) => pageCard(lang, page, model)),
    ...model.deployments.map((deployment) => deploymentCard(deployment, lang)),
    ...model.products.map((product) => productCard(product, productDeployments(model, product.id).length, lang)),
    ...model.positions.map((position) => positionCard(position, lang)),
    ...[...byJurisdiction].map(([jurisdiction, deployments]) => countryCard(jurisdiction, deployments, lang)),
  ]);
}

type Element = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Element => ({
  type,
  props: { style, children },
});

/** How each kind of backing looks on a card: a presumption dashed, a dispute in warning colours. */
const certaintyStyle: Record<CardCertainty, Record<string, unknown>> = {
  sourced: { background: "#dde9f7", border: "3px solid #dde9f7" },
  unsourced: { background: "#eef1f4", border: "3px solid #c9d1d9" },
  presumed: { background: "#f6f8fb", border: "3px dashed #5c4300" },
  disputed: { background: "#fff4d6", border: "3px solid #b98900" },
};

/**
 * The most characters each line of a card shows: about what fits the 1200×630 card, and a bound on
 * satori's layout work, which grows with the text and ran out of memory on a 1 MB name.
 */
export const cardTextLimits = {
  kicker: 90,
  title: 120,
  subtitle: 110,
  factLabel: 40,
  factValue: 40,
  factNote: 40,
  footer: 100,
} as const;

/** The card's text cut to what the card can show (see `cardTextLimits`). */
export function fittedCard(card: CardModel): CardModel {
  return {
    ...card,
    kicker: shorten(card.kicker, cardTextLimits.kicker),
    title: shorten(card.title, cardTextLimits.title),
    subtitle: card.subtitle === undefined ? undefined : shorten(card.subtitle, cardTextLimits.subtitle),
    facts: card.facts.map((fact) => ({
      ...fact,
      label: shorten(fact.label, cardTextLimits.factLabel),
      value: shorten(fact.value, cardTextLimits.factValue),
      note: fact.note === undefined ? undefined : shorten(fact.note, cardTextLimits.factNote),
    })),
    footer: shorten(card.footer, cardTextLimits.footer),
  };
}

/** The element tree satori renders for a card; its text is cut to fit first (`fittedCard`). */
export function cardTree(model: CardModel): Element {
  const card = fittedCard(model);
  const ink = "#14202b";
  const accent = "#0b5cad";
  const muted = "#44525f";
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
      // The band keeps its height when a long title or fact makes the rest tall.
      el("div", { height: 16, flexShrink: 0, background: accent }),
      el(
        "div",
        {
          flex: 1,
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "36px 56px 36px",
        },
        [
          // Text past its lines (lineClamp) ends in an ellipsis, so the footer always stays on the card.
          el("div", { display: "flex", flexDirection: "column" }, [
            el("div", { fontSize: 28, color: muted }, card.kicker),
            el(
              "div",
              {
                fontSize: card.title.length > 60 ? 46 : 58,
                fontWeight: 700,
                lineHeight: 1.1,
                marginTop: 12,
                lineClamp: 2,
              },
              card.title,
            ),
            ...(card.subtitle
              ? [el("div", { fontSize: 32, marginTop: 12, color: "#2b3a47", lineClamp: 1 }, card.subtitle)]
              : []),
          ]),
          el(
            "div",
            { display: "flex", flexWrap: "wrap", gap: 12 },
            card.facts.map((fact) =>
              el(
                "div",
                {
                  display: "flex",
                  flexDirection: "column",
                  // Three to a row (3 × 352 + 2 gaps of 12 fit the 1,088 pixels inside the padding), so
                  // six facts take two rows and leave room for a two-line title and the footer.
                  boxSizing: "border-box",
                  width: 352,
                  padding: "8px 16px",
                  borderRadius: 10,
                  ...certaintyStyle[fact.certainty],
                },
                [
                  ...(fact.label ? [el("div", { fontSize: 20, color: muted, lineClamp: 1 }, fact.label)] : []),
                  el("div", { fontSize: 28, fontWeight: 700, lineClamp: 2 }, fact.value),
                  ...(fact.note ? [el("div", { fontSize: 19, color: muted, lineClamp: 1 }, fact.note)] : []),
                ],
              ),
            ),
          ),
          el("div", { fontSize: 24, color: muted }, card.footer),
        ],
      ),
    ],
  );
}
