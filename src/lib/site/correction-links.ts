/**
 * Links that let a reader correct the registry: a new issue prefilled with the entry and
 * field in question, or the record's YAML in the forge's web editor. Which link shape is
 * used depends on the forge the repository is on (see `src/config.ts`); with no known forge
 * a correction goes by mail if an address is configured, and otherwise there is no link.
 */
import { publicUrl, recordFilePath, recordUrl } from "./urls.ts";
import { repository, type RepositoryConfig } from "../../config.ts";
import { t, type Lang } from "../../i18n/index.ts";
import type { CollectionName, Deployment } from "../../schema/index.ts";
import type { ClaimSummary } from "../model/derive.ts";
import { shorten } from "../model/shorten.ts";

/** The record a correction is about: enough to find its file and its page. */
export type CorrectionEntry = {
  collection: CollectionName;
  id: string;
  /** Public address of the record's page (relative to the site's root in a preview build). */
  permalink: string;
  /** The record's name as its page shows it, e.g. "Polizei Hessen: HePolChat"; the issue title names it. */
  name?: string;
};

/** The correction entry of a record's page in one language, with its public permalink and its name. */
export function correctionEntry(collection: CollectionName, id: string, lang: Lang, name?: string): CorrectionEntry {
  return { collection, id, permalink: publicUrl(recordUrl(collection, lang, id)), ...(name ? { name } : {}) };
}

/** What a correction link is about: a record, and optionally one field with its current value. */
export type CorrectionTarget = CorrectionEntry & {
  /** The field as written in the YAML, e.g. `federation`, `licences.client`, `sources[heise-2020]`. */
  field?: string;
  /** The field's name as the page shows it, e.g. "Föderation"; the issue title names it. */
  fieldLabel?: string;
  /** The value the site shows now, as text. */
  currentValue?: string;
  /** The reader's language: the questions in the issue are asked in it. */
  lang: Lang;
};

/**
 * The GitHub issue form fields a correction link fills in, by their `id` in
 * `.github/ISSUE_TEMPLATE/correction.yml`. A unit test keeps the two in step.
 */
export const githubCorrectionFields = ["entry", "permalink", "field", "current"] as const;

/**
/**
 * The longest text, in characters, that a link carries from a record: a source's title or a
 * value. Encoded, the whole address then stays well below the 8 KB that forges and mail
 * programs accept, whatever the record holds; the issue links to the full record anyway.
 */
export const maxLinkedTextLength = 300;

/**
 * Title of a correction issue in the reader's language, naming the record and field as the page
 * does: `Korrektur: Polizei Hessen: HePolChat – Föderation` (the id and YAML key where no name is known).
 */
export function correctionTitle(
  target: Pick<CorrectionTarget, "id" | "field" | "name" | "fieldLabel" | "lang">,
): string {
  const what = target.field ? ` – ${target.fieldLabel ?? target.field}` : "";
  return shorten(`${t(target.lang).correction.titlePrefix}: ${target.name ?? target.id}${what}`, maxLinkedTextLength);
}

/** Text of a correction issue for forges without issue forms, and for mail: the facts, then the maintainers' questions. */
export function correctionBody(target: CorrectionTarget): string {
  const text = t(target.lang).correction.issue;
  const facts = [
    `- ${text.entry}: ${target.collection}/${target.id}`,
    `- ${text.permalink}: ${target.permalink}`,
    ...(target.field ? [`- ${text.field}: ${target.field}`] : []),
    ...(target.currentValue ? [`- ${text.current}: ${target.currentValue}`] : []),
  ];
  const questions = [text.whatIsWrong, text.whatIsRight, text.source].map((question) => `### ${question}\n\n`);
  return [text.intro, "", ...facts, "", ...questions].join("\n");
}

/** A new-issue link (or mail) asking to correct `target`; undefined when the repository takes neither. */
export function correctionIssueUrl(
  target: CorrectionTarget,
  options: RepositoryConfig = repository,
): string | undefined {
  const title = correctionTitle(target);
  const currentValue = target.currentValue && shorten(target.currentValue, maxLinkedTextLength);
  if (options.forge === "github") {
    const values: Record<(typeof githubCorrectionFields)[number], string | undefined> = {
      entry: target.id,
      permalink: target.permalink,
      field: target.field,
      current: currentValue,
    };
    const params = new URLSearchParams({ template: "correction.yml", title });
    for (const name of githubCorrectionFields) {
      const value = values[name];
      if (value) params.set(name, value);
    }
    return `${options.repositoryUrl}/issues/new?${params}`;
  }
  return newIssueUrl(title, correctionBody({ ...target, currentValue }), options);
}

/** A new-issue link (or mail) for reporting a deployment the registry lacks. */
export function newDeploymentIssueUrl(lang: Lang, options: RepositoryConfig = repository): string | undefined {
  const title = `${t(lang).correction.newDeploymentTitle}: `;
  if (options.forge === "github") {
    return `${options.repositoryUrl}/issues/new?${new URLSearchParams({ template: "new-deployment.yml", title })}`;
  }
  const text = t(lang).correction.newDeployment;
  const body = [
    text.intro,
    "",
    ...[text.authority, text.product, text.purpose, text.source].map((q) => `### ${q}\n\n`),
  ].join("\n");
  return newIssueUrl(title, body, options);
}

/** A file of the repository shown on the forge, e.g. `CONTRIBUTING.md`; undefined when there is no forge. */
export function repositoryFileUrl(path: string, options: RepositoryConfig = repository): string | undefined {
  const file = `${urlPath(options.branch)}/${urlPath(path)}`;
  switch (options.forge) {
    case "github":
      return `${options.repositoryUrl}/blob/${file}`;
    case "gitlab":
      return `${options.repositoryUrl}/-/blob/${file}`;
    case "forgejo":
      return `${options.repositoryUrl}/src/branch/${file}`;
    case "none":
      return undefined;
  }
}

/** A record's file as it was at one commit, on the forge: a link to exactly that version; undefined without a forge. */
export function recordFileAtCommitUrl(
  collection: CollectionName,
  id: string,
  commit: string,
  options: RepositoryConfig = repository,
): string | undefined {
  const file = recordFilePath(collection, id);
  switch (options.forge) {
    case "github":
      return `${options.repositoryUrl}/blob/${commit}/${file}`;
    case "gitlab":
      return `${options.repositoryUrl}/-/blob/${commit}/${file}`;
    case "forgejo":
      return `${options.repositoryUrl}/src/commit/${commit}/${file}`;
    case "none":
      return undefined;
  }
}

/** A commit shown on the forge; undefined when there is no forge. */
export function commitUrl(commit: string, options: RepositoryConfig = repository): string | undefined {
  switch (options.forge) {
    case "github":
    case "forgejo":
      return `${options.repositoryUrl}/commit/${commit}`;
    case "gitlab":
      return `${options.repositoryUrl}/-/commit/${commit}`;
    case "none":
      return undefined;
  }
}

/** The record's YAML file opened in the forge's web editor; undefined when there is no forge. */
export function editRecordUrl(
  collection: CollectionName,
  id: string,
  options: RepositoryConfig = repository,
): string | undefined {
  const file = `${urlPath(options.branch)}/${urlPath(recordFilePath(collection, id))}`;
  switch (options.forge) {
    case "github":
      return `${options.repositoryUrl}/edit/${file}`;
    case "gitlab":
      return `${options.repositoryUrl}/-/edit/${file}`;
    case "forgejo":
      return `${options.repositoryUrl}/_edit/${file}`;
    case "none":
      return undefined;
  }
}

/** A key fact's current value as text for an issue: each label with the YAML value, disputed values side by side. */
export function currentValueText(summary: ClaimSummary<string>, labels: Record<string, string>): string {
  const values = summary.kind === "agreed" ? [summary.value] : summary.values;
  return values
    .map((value) => {
      const label = labels[value];
      return label && label !== value ? `${label} (${value})` : value;
    })
    .join(" / ");
}

/** A source as text for an issue: publisher, title, date and address, as far as they are known. */
export function sourceText(source: Deployment["sources"][number]): string {
  return [source.publisher, source.title, source.date, source.url].filter(Boolean).join(" · ");
}

/** A path (a branch like `release/2026`, a file) for an address: each segment percent-encoded, the slashes kept. */
const urlPath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

/** An issue with a free-text body (GitLab reads `issue[…]`, Forgejo/Gitea and GitHub `title`/`body`), or a mail. */
function newIssueUrl(title: string, body: string, options: RepositoryConfig): string | undefined {
  switch (options.forge) {
    case "gitlab":
      return `${options.repositoryUrl}/-/issues/new?${new URLSearchParams({ "issue[title]": title, "issue[description]": body })}`;
    case "forgejo":
    case "github":
      return `${options.repositoryUrl}/issues/new?${new URLSearchParams({ title, body })}`;
    case "none":
      // Mail clients do not read "+" as a space, so mailto: gets %20 from encodeURIComponent.
      return options.correctionsEmail
        ? `mailto:${options.correctionsEmail}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`
        : undefined;
  }
}
