// The editor's ways out: each forge's new-file, edit and issue addresses carry the right file
// name and the file's content, fall back to an issue when too long, and a mail carries the file.
import { describe, expect, it } from "vitest";
import { repositoryConfig } from "../../src/config.ts";
import {
  fileIssueUrl,
  fileMailUrl,
  maxLinkLength,
  newFileUrl,
  pullRequestLink,
  type EditedFile,
  type FileIssueTexts,
} from "../../src/lib/editor/forge-links.ts";

const texts: FileIssueTexts = {
  title: (path, exists) => `${exists ? "Changed" : "New"} record: ${path}`,
  intro: (path) => `A record for ${path}:`,
  pasteHere: "(paste the file here)",
};
const text = '# yaml-language-server: x\nname: "Ä & B = C?"\nsummary: a ```fenced``` word\n';
const file: EditedFile = { collection: "deployments", id: "de-example", text, exists: false };
const github = repositoryConfig({
  REGISTRY_REPOSITORY_URL: "https://github.com/owner/register",
  REGISTRY_BRANCH: "release/2026",
});
const gitlab = repositoryConfig({ REGISTRY_REPOSITORY_URL: "https://gitlab.com/group/register" });
const forgejo = repositoryConfig({ REGISTRY_REPOSITORY_URL: "https://codeberg.org/owner/register" });
const none = repositoryConfig({
  REGISTRY_REPOSITORY_URL: "https://example.org/register",
  REGISTRY_CORRECTIONS_EMAIL: "edit@example.org",
});

describe("a new record as a pull request", () => {
  it("GitHub: the new-file page on the branch with file name and content", () => {
    const url = new URL(newFileUrl(file, github)!);
    expect(url.origin + url.pathname).toBe("https://github.com/owner/register/new/release/2026");
    expect(url.searchParams.get("filename")).toBe("data/deployments/de-example.yaml");
    expect(url.searchParams.get("value")).toBe(text);
  });

  it("GitLab: the new-file page with file_name and content", () => {
    const url = new URL(newFileUrl(file, gitlab)!);
    expect(url.origin + url.pathname).toBe("https://gitlab.com/group/register/-/new/main");
    expect(url.searchParams.get("file_name")).toBe("data/deployments/de-example.yaml");
    expect(url.searchParams.get("content")).toBe(text);
  });

  it("Forgejo: the new-file page in the collection folder with filename and value", () => {
    const url = new URL(newFileUrl(file, forgejo)!);
    expect(url.origin + url.pathname).toBe("https://codeberg.org/owner/register/_new/main/data/deployments/");
    expect(url.searchParams.get("filename")).toBe("de-example.yaml");
    expect(url.searchParams.get("value")).toBe(text);
  });

  it("no forge: no pull request", () => {
    expect(pullRequestLink(file, texts, none)).toBeUndefined();
  });
});

describe("an existing record", () => {
  it("opens the file's edit page on each forge", () => {
    const existing = { ...file, exists: true };
    expect(pullRequestLink(existing, texts, github)).toEqual({
      kind: "edit-file",
      url: "https://github.com/owner/register/edit/release/2026/data/deployments/de-example.yaml",
    });
    expect(pullRequestLink(existing, texts, gitlab)?.url).toBe(
      "https://gitlab.com/group/register/-/edit/main/data/deployments/de-example.yaml",
    );
    expect(pullRequestLink(existing, texts, forgejo)?.url).toBe(
      "https://codeberg.org/owner/register/_edit/main/data/deployments/de-example.yaml",
    );
  });
});

describe("the issue", () => {
  it("carries the file in a fence no backticks in it can close", () => {
    const issue = fileIssueUrl(file, texts, github)!;
    expect(issue.withContent).toBe(true);
    const url = new URL(issue.url);
    expect(url.pathname).toBe("/owner/register/issues/new");
    expect(url.searchParams.get("title")).toBe("New record: data/deployments/de-example.yaml");
    expect(url.searchParams.get("body")).toBe(
      `A record for data/deployments/de-example.yaml:\n\n\`\`\`\`yaml\n${text}\`\`\`\`\n`,
    );
  });

  it("GitLab reads issue[title] and issue[description]", () => {
    const url = new URL(fileIssueUrl(file, texts, gitlab)!.url);
    expect(url.pathname).toBe("/group/register/-/issues/new");
    expect(url.searchParams.get("issue[description]")).toContain(text);
  });

  it("a file too long for an address becomes an issue, and one too long even for that asks to paste it", () => {
    const long = { ...file, text: `${text}note: ${"x".repeat(maxLinkLength)}\n` };
    const link = pullRequestLink(long, texts, github)!;
    expect(link.kind).toBe("issue");
    expect(link.url.length).toBeLessThanOrEqual(maxLinkLength);
    expect(new URL(link.url).searchParams.get("body")).toBe(
      "A record for data/deployments/de-example.yaml:\n\n(paste the file here)\n",
    );
    const middling = { ...file, text: `${text}note: ${"x".repeat(3000)}\n` };
    expect(newFileUrl(middling, github)!.length).toBeLessThanOrEqual(maxLinkLength);
    expect(pullRequestLink(middling, texts, github)!.kind).toBe("new-file");
  });
});

describe("the mail", () => {
  it("goes to the corrections address with the file, spaces as %20", () => {
    const mail = fileMailUrl(file, texts, none);
    expect(
      mail.startsWith("mailto:edit@example.org?subject=New%20record%3A%20data%2Fdeployments%2Fde-example.yaml&body="),
    ).toBe(true);
    expect(decodeURIComponent(mail.slice(mail.indexOf("&body=") + 6))).toContain(text);
  });

  it("without an address leaves the recipient to the person", () => {
    expect(fileMailUrl(file, texts, github).startsWith("mailto:?subject=")).toBe(true);
  });
});
