/** The open-data exports: JSON documents for each collection and a flat CSV of deployments. */
import { defaultLang, languages, otherLang, type Lang } from "../../i18n/index.ts";
import { z } from "zod";
import {
  apiIndex,
  deploymentExportItem,
  deploymentsExport,
  positionExportItem,
  positionsExport,
  productExportItem,
  productsExport,
} from "./export-schema.ts";
import { headlineValue, presumers, type ClaimSummary } from "../model/derive.ts";
import { allDeploymentFacts, factDetails, productFacts, recordOf, type KeyFactKey } from "../model/key-facts.ts";
import { confidence } from "../../schema/vocabulary.ts";
import type { DeploymentEntry, PositionEntry, ProductEntry, RegistryModel } from "../model/registry-model.ts";
import { dataLicence, apiVersion } from "../site/site-info.ts";
import { dataVersion } from "../model/data-version.ts";
import { productDeployments } from "../model/product-deployments.ts";
import {
  apiDocsUrl,
  apiRecordUrl,
  apiSchemaUrl,
  apiUrl,
  deploymentUrl,
  positionUrl,
  productUrl,
  publicUrl,
} from "../site/urls.ts";
import type { CollectionName } from "../../schema/index.ts";

/** What every export states besides the records: where the site is (absent in a preview) and when it was built. */
/**
 * An export as its file holds it: compact JSON, for programs (a browser's JSON view or `jq .`
 * indents it for a person; indenting would add a quarter to every file of the largest output).
 */
export const exportJson = (document: unknown) => `${JSON.stringify(document)}\n`;

export type ExportContext = { siteUrl: string | undefined; generated: Date };
type Context = ExportContext;

function header(model: RegistryModel, context: Context) {
  return {
    apiVersion,
    dataVersion: dataVersion(model),
    generated: context.generated.toISOString(),
    licence: dataLicence,
  };
}

const permalinks = (siteUrl: string | undefined, build: (lang: Lang, id: string) => string, id: string) =>
  Object.fromEntries(languages.map((lang) => [lang, publicUrl(build(lang, id), siteUrl)])) as Record<Lang, string>;

/** Fields of a deployment whose sources disagree. */
export function disputedFields(deployment: DeploymentEntry): string[] {
  return allDeploymentFacts.filter((row) => deployment.facts[row.key].kind === "disputed").map((row) => row.key);
}

/** The confidences of the claims behind a fact, strongest first, joined by `|`; empty when nothing backs it. */
export function factConfidence(summary: ClaimSummary<string>): string {
  const given = new Set(summary.claims.map((claim) => claim.confidence));
  return confidence.options.filter((level) => given.has(level)).join("|");
}

/** Each headline fact's value ("disputed" where sources disagree), keyed as in the key-fact table. */
function headlineValues(facts: Partial<Record<KeyFactKey, ClaimSummary<string>>>, rows = allDeploymentFacts) {
  return Object.fromEntries(
    rows.filter((row) => row.headline).map((row) => [row.key, headlineValue(facts[row.key]!)]),
  ) as Record<string, string>;
}

/** Each headline fact's confidence (see factConfidence). */
function headlineConfidences(facts: Partial<Record<KeyFactKey, ClaimSummary<string>>>, rows = allDeploymentFacts) {
  return Object.fromEntries(
    rows.filter((row) => row.headline).map((row) => [row.key, factConfidence(facts[row.key]!)]),
  ) as Record<string, string>;
}

/** Whose presumption each headline fact is ("article", "editors", both joined by |), empty where sources back it. */
function headlinePresumers(facts: Partial<Record<KeyFactKey, ClaimSummary<string>>>, rows = allDeploymentFacts) {
  return Object.fromEntries(
    rows.filter((row) => row.headline).map((row) => [row.key, presumers(facts[row.key]!).join("|")]),
  ) as Record<string, string>;
}

/** One deployment as exported: an item of api/v1/deployments.json and the file api/v1/deployments/<id>.json. */
export function deploymentItem(d: DeploymentEntry, context: Context): z.input<typeof deploymentExportItem> {
  return {
    id: d.id,
    permalinks: permalinks(context.siteUrl, deploymentUrl, d.id),
    record: d.record,
    derived: {
      currentStatus: d.currentStatus,
      currentStatusDate: d.currentStep.date ?? d.currentStep.asOf,
      currentStatusConfidence: d.currentStep.confidence,
      ...headlineValues(d.facts),
      confidence: headlineConfidences(d.facts),
      presumedBy: headlinePresumers(d.facts),
      disputedFields: disputedFields(d),
    },
  };
}

/** One product as exported: an item of api/v1/products.json and the file api/v1/products/<id>.json. */
export function productItem(
  model: RegistryModel,
  p: ProductEntry,
  context: Context,
): z.input<typeof productExportItem> {
  return {
    id: p.id,
    permalinks: permalinks(context.siteUrl, productUrl, p.id),
    record: p.record,
    derived: {
      ...headlineValues(p.facts, productFacts),
      confidence: headlineConfidences(p.facts, productFacts),
      presumedBy: headlinePresumers(p.facts, productFacts),
      deploymentCount: productDeployments(model, p.id).length,
    },
  };
}

/** One position as exported: an item of api/v1/positions.json and the file api/v1/positions/<id>.json. */
export function positionItem(p: PositionEntry, context: Context): z.input<typeof positionExportItem> {
  return { id: p.id, permalinks: permalinks(context.siteUrl, positionUrl, p.id), record: p.record, derived: {} };
}

/** api/v1/deployments.json */
export function deploymentsDocument(model: RegistryModel, context: Context): z.input<typeof deploymentsExport> {
  return {
    ...header(model, context),
    count: model.deployments.length,
    deployments: model.deployments.map((d) => deploymentItem(d, context)),
  };
}

/** api/v1/products.json */
export function productsDocument(model: RegistryModel, context: Context): z.input<typeof productsExport> {
  return {
    ...header(model, context),
    count: model.products.length,
    products: model.products.map((p) => productItem(model, p, context)),
  };
}

/** api/v1/positions.json */
export function positionsDocument(model: RegistryModel, context: Context): z.input<typeof positionsExport> {
  return {
    ...header(model, context),
    count: model.positions.length,
    positions: model.positions.map((p) => positionItem(p, context)),
  };
}

/** api/v1/index.json: the API's files, and every record's own file. */
export function apiIndexDocument(model: RegistryModel, context: Context): z.input<typeof apiIndex> {
  const address = (path: string) => publicUrl(path, context.siteUrl);
  const collection = (name: CollectionName, ids: string[], page: (lang: "de" | "en", id: string) => string) => ({
    count: ids.length,
    url: address(apiUrl(`${name}.json`)),
    schema: address(apiSchemaUrl(name)),
    itemSchema: address(apiSchemaUrl(name.replace(/s$/, ""))),
    items: ids.map((id) => ({
      id,
      url: address(apiRecordUrl(name, id)),
      permalinks: permalinks(context.siteUrl, page, id),
    })),
  });
  return {
    ...header(model, context),
    documentation: { de: address(apiDocsUrl("de")), en: address(apiDocsUrl("en")) },
    csv: address(apiUrl("deployments.csv")),
    collections: {
      deployments: collection(
        "deployments",
        model.deployments.map((d) => d.id),
        deploymentUrl,
      ),
      products: collection(
        "products",
        model.products.map((p) => p.id),
        productUrl,
      ),
      positions: collection(
        "positions",
        model.positions.map((p) => p.id),
        positionUrl,
      ),
    },
  };
}

/**
 * A spot where a spreadsheet may begin a new cell and read it as a formula: the start of the
 * text or a separator that some import splits on (`,` for CSV, `;` for German Excel, TAB, a line
 * break), then any spaces or quotes, then a formula's first character (also the full-width forms).
 */
const formulaStart = /(^|[,;\t\r\n])([\s"']*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * A CSV cell: quoted when needed, TAB and carriage return turned into a space and a line break,
 * and an apostrophe put before every formula start (see `formulaStart`), so that opening the file
 * cannot run anything, whichever separator the spreadsheet splits on.
 */
export function csvCell(value: string | number | undefined): string {
  const text = (value === undefined ? "" : String(value))
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(formulaStart, (_, separator: string, padding: string) => `${separator}${padding}'`);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A plain string counts as German (see localizedText in the schema).
const text = (value: string | { de?: string; en?: string }, lang: Lang) =>
  typeof value === "string" ? (lang === defaultLang ? value : "") : (value[lang] ?? "");

/** A CSV column: its name and how it is read from a deployment. */
type CsvColumn = [string, (d: DeploymentEntry, siteUrl: string | undefined) => string | number | undefined];

/** Column names and how each is read from a deployment, for api/v1/deployments.csv. */
export const csvColumns: CsvColumn[] = [
  ["id", (d) => d.id],
  ...languages.map((lang): CsvColumn => [
    `permalink_${lang}`,
    (d, siteUrl) => publicUrl(deploymentUrl(lang, d.id), siteUrl),
  ]),
  ["name", (d) => d.name],
  ["country", (d) => d.country],
  ["organisation", (d) => d.organisation],
  ["region", (d) => d.region],
  ["level", (d) => d.level],
  ["sectors", (d) => d.sectors.join("|")],
  ...languages.map((lang): CsvColumn => [
    `authorities_${lang}`,
    (d) => d.authorities.map((a) => text(a.name, lang) || text(a.name, otherLang(lang))).join("|"),
  ]),
  ["operators", (d) => d.authorities.flatMap((a) => (a.operator ? [a.operator] : [])).join("|")],
  ["product", (d) => d.productEntry?.id],
  ["product_name", (d) => d.productEntry?.name],
  ["product_confidence", (d) => (d.product ? d.product.confidence : undefined)],
  ...allDeploymentFacts.flatMap((row): [string, (d: DeploymentEntry) => string | undefined][] => [
    [row.csv, (d) => headlineValue(d.facts[row.key])],
    [`${row.csv}_confidence`, (d) => factConfidence(d.facts[row.key])],
    [`${row.csv}_presumed_by`, (d) => presumers(d.facts[row.key]).join("|")],
    ...("details" in row ? row.details : []).map((detail): [string, (d: DeploymentEntry) => string | undefined] => [
      detail.csv,
      (d) => factDetails(row, recordOf(row, d)).find((shown) => shown.csv === detail.csv)?.text,
    ]),
  ]),
  ["current_status", (d) => d.currentStatus],
  // The date of the current step (when it began, else the day a source saw it), not of an older dated step.
  ["status_date", (d) => d.currentStep.date ?? d.currentStep.asOf],
  ["current_status_confidence", (d) => d.currentStep.confidence],
  ["current_status_presumed_by", (d) => d.currentStep.presumedBy],
  ["disputed_fields", (d) => disputedFields(d).join("|")],
  ["open_questions", (d) => d.openQuestions.length],
  ["sources", (d) => d.sources.length],
  ["sources_without_link", (d) => d.sources.filter((s) => !s.url).length],
  ["reviewed", (d) => d.reviewed],
  ...languages.map((lang): CsvColumn => [`summary_${lang}`, (d) => text(d.summary, lang)]),
];

/** api/v1/deployments.csv: one row per deployment, UTF-8 with a byte-order mark for spreadsheets. */
export function deploymentsCsv(model: RegistryModel, siteUrl: string | undefined): string {
  const lines = [csvColumns.map(([name]) => name).join(",")];
  for (const deployment of model.deployments) {
    lines.push(csvColumns.map(([, read]) => csvCell(read(deployment, siteUrl))).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
