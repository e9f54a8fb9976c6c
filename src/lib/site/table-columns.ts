/**
 * The comparison table's columns: what each shows, what it sorts by, and what it filters by.
 * One definition serves the server-rendered table, the filter form and the URL state.
 */
import type { Lang } from "../../i18n/index.ts";
import { localize, t } from "../../i18n/index.ts";
import { headlineValue } from "../model/derive.ts";
import type { DeploymentEntry } from "./astro-registry.ts";

/** A column key; also the URL parameter name of its filter and its sort. */
export type ColumnKey =
  | "authority"
  | "country"
  | "level"
  | "sector"
  | "product"
  | "protocol"
  | "free"
  | "architecture"
  | "federation"
  | "reach"
  | "status"
  | "reviewed";

/** The filterable value(s) of a deployment in a column (several for sectors). */
export function filterValues(deployment: DeploymentEntry, column: ColumnKey): string[] {
  const product = deployment.productEntry;
  switch (column) {
    case "country":
      return [deployment.jurisdiction];
    case "level":
      return [deployment.level];
    case "sector":
      return deployment.sectors;
    case "product":
      return [product.id];
    case "protocol":
      return [headlineValue(product.protocolSummary)];
    case "free":
      return [product.freeSoftware];
    case "architecture":
      return [headlineValue(product.architectureSummary)];
    case "federation":
      return [headlineValue(deployment.federationSummary)];
    case "reach":
      return [headlineValue(deployment.reachSummary)];
    case "status":
      return [deployment.currentStatus];
    default:
      return [];
  }
}

/** Columns that get a filter, in the order the form shows them. */
export const filterColumns: ColumnKey[] = [
  "country",
  "level",
  "sector",
  "product",
  "protocol",
  "free",
  "architecture",
  "federation",
  "reach",
  "status",
];

/** The label a reader sees for one filter value of a column. */
export function valueLabel(column: ColumnKey, value: string, lang: Lang, deployments: DeploymentEntry[]): string {
  const dict = t(lang);
  const label = dict.label;
  if (value === "disputed") return dict.disputed;
  const byColumn: Partial<Record<ColumnKey, Record<string, string>>> = {
    level: label.level,
    sector: label.sector,
    protocol: label.protocol,
    free: label.freeSoftware,
    architecture: label.architecture,
    federation: label.federationStatus,
    reach: label.externalReach,
    status: label.lifecycleStatus,
  };
  if (column === "country") return dict.country[value] ?? value;
  if (column === "product") return deployments.find((d) => d.product === value)?.productEntry.name ?? value;
  return byColumn[column]?.[value] ?? value;
}

/** The text a column sorts by for one deployment. */
export function sortKey(deployment: DeploymentEntry, column: ColumnKey, lang: Lang): string {
  switch (column) {
    case "authority":
      return localize(deployment.title, lang).text;
    case "reviewed":
      return deployment.reviewed;
    case "product":
      return deployment.productEntry.name;
    case "country":
      return `${valueLabel("country", deployment.jurisdiction, lang, [])} ${deployment.region ?? ""}`;
    default:
      return filterValues(deployment, column)
        .map((value) => valueLabel(column, value, lang, []))
        .join(", ");
  }
}
