/** Key facts as words a reader sees: the label of a value, or "disputed" where sources disagree. */
import { t, type Lang } from "../../i18n/index.ts";
import { isPresumption, presumers, type ClaimSummary } from "../model/derive.ts";
import type { Claim, Deployment, Product } from "../../schema/index.ts";
import { factDetails, keyFactRow, type KeyFactRow } from "../model/key-facts.ts";
import type { ClaimField } from "../model/coverage.ts";
import type { ProductEntry } from "../model/registry-model.ts";

/** The labels of a fact's values in one language. */
export function factLabels(row: KeyFactRow, lang: Lang): Record<string, string> {
  return t(lang).label[row.labels] as Record<string, string>;
}

/** The label of one value of a fact ("disputed" for the headline of a dispute). */
export function factValueLabel(row: KeyFactRow, value: string, lang: Lang): string {
  if (value === "disputed") return t(lang).disputed;
  return factLabels(row, lang)[value] ?? value;
}

/** A fact's headline in words: its agreed value's label, or "disputed". */
export function factHeadlineText(row: KeyFactRow, summary: ClaimSummary<string>, lang: Lang): string {
  return summary.kind === "agreed" ? factValueLabel(row, summary.value, lang) : t(lang).disputed;
}

/** A fact's name in one language, e.g. "Federation". */
export function factName(row: KeyFactRow, lang: Lang): string {
  return t(lang).field[row.name];
}

/** When a claim held, in words ("since 2020-12", "2019 to 2021", "as of 2019"), if its sources date it. */
export function claimTimeText(claim: Pick<Claim<unknown>, "asOf" | "from" | "until">, lang: Lang): string | undefined {
  const time = t(lang).claimTime;
  const since = claim.from && claim.until ? time.range(claim.from, claim.until) : claim.from && time.from(claim.from);
  const parts = [since || (claim.until && time.until(claim.until)), claim.asOf && time.asOf(claim.asOf)];
  const shown = parts.filter((part): part is string => typeof part === "string" && part !== "");
  return shown.length > 0 ? shown.join(", ") : undefined;
}

/** The values a summary stands for, as text: the agreed value, or each disputed one; none for an unknown value. */
export function summaryValues(
  summary: ClaimSummary<string>,
  label: (value: string) => string = (value) => value,
): string[] {
  const values = summary.kind === "agreed" ? (summary.claims.length > 0 ? [summary.value] : []) : summary.values;
  return values.map(label);
}

/** Who makes a product, as its sources say: the name, or "disputed: A / B"; undefined when no source names one. */
export function vendorText(product: ProductEntry, lang: Lang): string | undefined {
  const names = summaryValues(product.vendorFacts.vendor);
  if (names.length === 0) return undefined;
  return product.vendorFacts.vendor.kind === "disputed" ? `${t(lang).disputed}: ${names.join(" / ")}` : names[0];
}

/**
 * A fact's value labels with the row's plain details of this record appended in brackets, e.g.
 * "vendor protocol (Threema (Ibex))" or "allow-listed servers only (TI-M Föderationsliste)", for
 * places that show a fact in one tag (cards).
 */
export function factLabelsWithDetails(
  row: KeyFactRow,
  lang: Lang,
  record: Deployment | Product | undefined,
): Record<string, string> {
  const labels = factLabels(row, lang);
  const details = factDetails(row, record).map((detail) => detail.text);
  if (details.length === 0) return labels;
  return Object.fromEntries(
    Object.entries(labels).map(([value, label]) =>
      value === "unknown" ? [value, label] : [value, `${label} (${details.join("; ")})`],
    ),
  );
}

/**
 * The short mark a value carries where it does not rest on a named source: whose presumption it
 * is ("article", "editors"), or "not sourced" for a bare value; undefined for a sourced value.
 */
export function factMark(summary: ClaimSummary<string>, lang: Lang): string | undefined {
  const dict = t(lang);
  if (summary.kind !== "agreed" || summary.claims.length === 0) return undefined;
  if (isPresumption(summary)) {
    const by = presumers(summary);
    return by.length === 0 ? dict.presumption : dict.presumerShort[by.length > 1 ? "both" : by[0]!];
  }
  const bare = summary.claims.every((claim) => claim.confidence === "unattributed");
  return bare && summary.value !== "unknown" ? dict.unsourcedShort : undefined;
}

/** A claim field's name and value labels: the key facts' from their table, the approvals' apart. */
export function claimFieldText(field: ClaimField, lang: Lang): { name: string; values: Record<string, string> } {
  const row = keyFactRow(field);
  const dict = t(lang);
  return row
    ? { name: factName(row, lang), values: factLabels(row, lang) }
    : { name: dict.field.approvals, values: dict.label.approvalStatus };
}
