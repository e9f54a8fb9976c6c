/**
 * Where the record editor sends a finished file: a prefilled pull request on the repository's
 * forge (the new-file page with name and content, or the edit page of an existing file), a new
 * issue carrying the YAML when the file makes the address too long, or a mail. Every address is
 * built from the repository configuration it is given, so the same code serves any forge.
 */
import type { RepositoryConfig } from "../../config.ts";
import { editRecordUrl } from "../site/correction-links.ts";
import type { CollectionName } from "../../schema/index.ts";

/** Longer addresses are cut off or refused by forges, proxies and mail programs. */
export const maxLinkLength = 8000;

/** A record file made in the editor. */
export type EditedFile = {
  collection: CollectionName;
  id: string;
  /** The whole file, as it is to be committed. */
  text: string;
  /** True when the record is already in the repository (its file is replaced, not added). */
  exists: boolean;
};

/** What a way out does: open a pull request with the content, open the file's editor (paste needed), or an issue. */
export type ForgeLink =
  | { kind: "new-file"; url: string }
  | { kind: "edit-file"; url: string }
  | { kind: "issue"; url: string; withContent: boolean };

/** The file's path in the repository, e.g. `data/deployments/de-bund-wire.yaml`. */
export const editedFilePath = (file: Pick<EditedFile, "collection" | "id">) =>
  `data/${file.collection}/${file.id}.yaml`;

const urlPath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

/** The forge's new-file page with the file's name and content filled in; undefined without a forge. */
export function newFileUrl(file: EditedFile, repository: RepositoryConfig): string | undefined {
  const path = editedFilePath(file);
  const branch = urlPath(repository.branch);
  switch (repository.forge) {
    case "github":
      return `${repository.repositoryUrl}/new/${branch}?${new URLSearchParams({ filename: path, value: file.text })}`;
    case "gitlab":
      return `${repository.repositoryUrl}/-/new/${branch}?${new URLSearchParams({ file_name: path, content: file.text })}`;
    case "forgejo": {
      const folder = path.slice(0, path.lastIndexOf("/"));
      const name = path.slice(path.lastIndexOf("/") + 1);
      return `${repository.repositoryUrl}/_new/${branch}/${urlPath(folder)}/?${new URLSearchParams({ filename: name, value: file.text })}`;
    }
    case "none":
      return undefined;
  }
}

/** The forge's editor for the existing file (forges take no content for it: the person pastes it). */
export function editFileUrl(
  file: Pick<EditedFile, "collection" | "id">,
  repository: RepositoryConfig,
): string | undefined {
  return editRecordUrl(file.collection, file.id, repository);
}

/** Texts of the issue (and mail) that carries a file, in the reader's language. */
export type FileIssueTexts = {
  /** Title, e.g. "New record: data/deployments/x.yaml". */
  title(path: string, exists: boolean): string;
  /** The line above the YAML. */
  intro(path: string): string;
  /** Said instead of the YAML when it is too long for an address: paste it from the clipboard. */
  pasteHere: string;
};

/** The issue's body: what it is, then the file in a fenced block (or the request to paste it). */
export function fileIssueBody(file: EditedFile, texts: FileIssueTexts, withContent: boolean): string {
  const path = editedFilePath(file);
  // A fence longer than any run of backticks in the file, so no text in it can close the block.
  const longestRun = Math.max(0, ...(file.text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  const content = withContent
    ? `${fence}yaml\n${file.text}${file.text.endsWith("\n") ? "" : "\n"}${fence}`
    : texts.pasteHere;
  return `${texts.intro(path)}\n\n${content}\n`;
}

function issueUrl(title: string, body: string, repository: RepositoryConfig): string | undefined {
  switch (repository.forge) {
    case "github":
    case "forgejo":
      return `${repository.repositoryUrl}/issues/new?${new URLSearchParams({ title, body })}`;
    case "gitlab":
      return `${repository.repositoryUrl}/-/issues/new?${new URLSearchParams({ "issue[title]": title, "issue[description]": body })}`;
    case "none":
      return undefined;
  }
}

/** A new issue with the file in it, or asking to paste it when it would not fit in the address. */
export function fileIssueUrl(
  file: EditedFile,
  texts: FileIssueTexts,
  repository: RepositoryConfig,
): { url: string; withContent: boolean } | undefined {
  const title = texts.title(editedFilePath(file), file.exists);
  const full = issueUrl(title, fileIssueBody(file, texts, true), repository);
  if (full === undefined) return undefined;
  if (full.length <= maxLinkLength) return { url: full, withContent: true };
  return { url: issueUrl(title, fileIssueBody(file, texts, false), repository)!, withContent: false };
}

/**
 * The first way out: for a new record, the new-file page with the content when the address fits;
 * for an existing one, its edit page; otherwise an issue with the YAML. Undefined without a forge.
 */
export function pullRequestLink(
  file: EditedFile,
  texts: FileIssueTexts,
  repository: RepositoryConfig,
): ForgeLink | undefined {
  if (file.exists) {
    const url = editFileUrl(file, repository);
    return url === undefined ? undefined : { kind: "edit-file", url };
  }
  const url = newFileUrl(file, repository);
  if (url === undefined) return undefined;
  if (url.length <= maxLinkLength) return { kind: "new-file", url };
  const issue = fileIssueUrl(file, texts, repository)!;
  return { kind: "issue", ...issue };
}

/** A mail with the file (to the corrections address when there is one, else to whom the person chooses). */
export function fileMailUrl(file: EditedFile, texts: FileIssueTexts, repository: RepositoryConfig): string {
  const title = texts.title(editedFilePath(file), file.exists);
  const full = fileIssueBody(file, texts, true);
  const body = `mailto:${repository.correctionsEmail ?? ""}?subject=${encodeURIComponent(title)}&body=`;
  // Mail programs do not read "+" as a space, so the text is encoded with %20.
  const withContent = body + encodeURIComponent(full);
  return withContent.length <= maxLinkLength
    ? withContent
    : body + encodeURIComponent(fileIssueBody(file, texts, false));
}
