/**
 * The comparison table's columns: what each shows, what it sorts by, and what it filters by.
 * One definition serves the server-rendered table, the filter form and the URL state. The key
 * facts among them come from the key-fact table (headline rows), so a new headline fact becomes
 * a column and a filter by itself.
 */
import type { Lang } from "../../i18n/index.ts";
import { localize, t } from "../../i18n/index.ts";
import { headlineValue } from "../model/derive.ts";
import { allDeploymentFacts, factParam, type KeyFactRow } from "../model/key-facts.ts";
import type { DeploymentEntry } from "../model/registry-model.ts";
import { factName, factValueLabel } from "./fact-text.ts";
import { reachClassOf, type ReachClass } from "../model/reach.ts";

/** One column (or filter-only column) of the table. */
export type TableColumn = {
  /** The URL parameter name of its filter and its sort; also `data-column` on its header. */
  key: string;
  /** Its header and filter title. */
  title: (lang: Lang) => string;
  /** Whether the table shows it as a column (sectors is a filter only). */
  shown: boolean;
  /** Whether the filter form offers it. */
  filter: boolean;
  /** The filterable value(s) of a deployment (several for sectors). */
  values: (deployment: DeploymentEntry) => string[];
  /** The label a reader sees for one filter value. */
  valueLabel: (value: string, lang: Lang, deployments: DeploymentEntry[]) => string;
  /** The text the column sorts by. */
  sortKey: (deployment: DeploymentEntry, lang: Lang) => string;
  /** The key fact the column shows, for fact columns. */
  fact?: KeyFactRow;
};

/** The product filter's value for deployments that name no product. */
const noProduct = "none";

const field = (name: keyof ReturnType<typeof t>["field"]) => (lang: Lang) => t(lang).field[name];
const vocabularyLabel =
  (section: "level" | "sector" | "lifecycleStatus") =>
  (value: string, lang: Lang): string =>
    (t(lang).label[section] as Record<string, string>)[value] ?? value;

/** A column that shows one key fact. */
function factColumn(row: KeyFactRow): TableColumn {
  return {
    key: factParam(row),
    title: (lang) => factName(row, lang),
    shown: true,
    filter: true,
    values: (deployment) => [headlineValue(deployment.facts[row.key])],
    valueLabel: (value, lang) => factValueLabel(row, value, lang),
    sortKey: (deployment, lang) => factValueLabel(row, headlineValue(deployment.facts[row.key]), lang),
    fact: row,
  };
}

/** The table's columns, in the order it shows them. */
export const tableColumns: TableColumn[] = [
  {
    key: "authority",
    title: field("authority"),
    shown: true,
    filter: false,
    values: () => [],
    valueLabel: (value) => value,
    sortKey: (deployment, lang) => localize(deployment.title, lang).text,
  },
  {
    key: "country",
    title: field("country"),
    shown: true,
    filter: true,
    values: (deployment) => [deployment.jurisdiction],
    valueLabel: (value, lang) => t(lang).jurisdiction(value),
    sortKey: (deployment, lang) => `${deployment.jurisdictionName[lang]} ${deployment.region ?? ""}`,
  },
  {
    key: "level",
    title: field("level"),
    shown: true,
    filter: true,
    values: (deployment) => [deployment.level],
    valueLabel: vocabularyLabel("level"),
    sortKey: (deployment, lang) => vocabularyLabel("level")(deployment.level, lang),
  },
  {
    key: "sector",
    title: field("sectors"),
    shown: false,
    filter: true,
    values: (deployment) => deployment.sectors,
    valueLabel: vocabularyLabel("sector"),
    sortKey: (deployment, lang) => deployment.sectors.map((s) => vocabularyLabel("sector")(s, lang)).join(", "),
  },
  {
    key: "product",
    title: field("product"),
    shown: true,
    filter: true,
    values: (deployment) => [deployment.productEntry?.id ?? noProduct],
    valueLabel: (value, lang, deployments) =>
      value === noProduct
        ? t(lang).entry.productNotNamed
        : (deployments.find((d) => d.productEntry?.id === value)?.productEntry?.name ?? value),
    sortKey: (deployment, lang) => deployment.productEntry?.name ?? t(lang).entry.productNotNamed,
  },
  ...allDeploymentFacts.filter((row) => row.headline).map(factColumn),
  {
    key: "circle",
    title: (lang) => t(lang).reachPage.filterTitle,
    shown: false,
    filter: true,
    values: (deployment) => [reachClassOf(deployment)],
    valueLabel: (value, lang) => t(lang).reachPage.classShort[value as ReachClass] ?? value,
    sortKey: (deployment, lang) => t(lang).reachPage.classShort[reachClassOf(deployment)],
  },
  {
    key: "status",
    title: field("status"),
    shown: true,
    filter: true,
    values: (deployment) => [deployment.currentStatus],
    valueLabel: vocabularyLabel("lifecycleStatus"),
    sortKey: (deployment, lang) => vocabularyLabel("lifecycleStatus")(deployment.currentStatus, lang),
  },
  {
    key: "reviewed",
    title: field("reviewed"),
    shown: true,
    filter: false,
    values: () => [],
    valueLabel: (value) => value,
    sortKey: (deployment) => deployment.reviewed ?? "",
  },
];

/** Columns that get a filter, in the order the form shows them. */
export const filterColumns = tableColumns.filter((column) => column.filter);
